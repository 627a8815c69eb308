#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);

// src/report/model.ts
function warningsOf(report, decision) {
  return [
    .../* @__PURE__ */ new Set([...report.suites.flatMap((suite) => suite.warnings ?? []), ...decision.warnings ?? []])
  ];
}
function mergeReports(...reports) {
  return { suites: reports.flatMap((r) => r.suites) };
}
function secondsBetween(start, end) {
  if (!start || !end) return void 0;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1e3 : void 0;
}
function judgementsOf(decision, index, suite) {
  const judgements = decision.judgements[index];
  if (judgements?.length !== suite.cases.length)
    throw new Error(`suite ${suite.name} is not the one the gate decided on`);
  return judgements;
}
function judgedCases(decision, index, suite) {
  const judgements = judgementsOf(decision, index, suite);
  return suite.cases.map((testCase, i) => ({ testCase, judgement: judgements[i] }));
}
function caseReasons(decision) {
  return new Set(decision.judgements.flatMap((suite) => suite.map((judgement) => judgement.reason)));
}
var maxListedCheckReasons = 20;
function leadingReasons(report, decision) {
  const failedChecks = /* @__PURE__ */ new Set();
  report.suites.forEach(
    (suite, i) => judgementsOf(decision, i, suite).forEach(({ reason }, c) => {
      if (reason && suite.cases[c]?.kind !== "chaos-stop") failedChecks.add(reason);
    })
  );
  let listed = 0;
  const shown = decision.reasons.filter(
    (reason) => !failedChecks.has(reason) || listed++ < maxListedCheckReasons
  );
  return { shown, more: decision.reasons.length - shown.length };
}
function whereEvery(reports, what) {
  if (reports.json) return `the JSON report ${reports.json} has every one`;
  if (reports.junit && what === "check") return `the JUnit report ${reports.junit} has every one`;
  return `a JSON report would have every one: write one with ${reports.jsonSetting}`;
}
function importanceOf({ status, tolerated }) {
  if (status === "error" || status === "failed") return 0;
  if (tolerated) return 1;
  return status === "skipped" ? 2 : 3;
}
function chaosMayStillRun(report) {
  return report.suites.some((suite) => suite.cases.some((testCase) => testCase.kind === "chaos-stop"));
}
function labelledExperiment({ className, experiment }) {
  return experiment && `${className}/${experiment.slice(experiment.lastIndexOf("/") + 1)}`;
}
function suitesUnder(report, label) {
  return { suites: report.suites.filter(({ name }) => name === label || name.startsWith(`${label}/`)) };
}
function underLabel(report, label) {
  return {
    suites: report.suites.map((suite) => ({
      ...suite,
      name: `${label}/${suite.name}`,
      cases: suite.cases.map((testCase) => ({ ...testCase, className: `${label}/${testCase.className}` }))
    }))
  };
}

export {
  warningsOf,
  mergeReports,
  secondsBetween,
  judgementsOf,
  judgedCases,
  caseReasons,
  leadingReasons,
  whereEvery,
  importanceOf,
  chaosMayStillRun,
  labelledExperiment,
  suitesUnder,
  underLabel
};
