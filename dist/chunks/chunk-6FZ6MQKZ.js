#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  warningsCarriedBy
} from "./chunk-SQNS6QL3.js";
import {
  errorCarrier
} from "./chunk-A2VFD3MS.js";

// src/run/stop-report.ts
var stopEngine = `--type merge -p '{"spec":{"engineState":"stop"}}'`;
var shutdownWorkflow = (strategy) => `--type merge -p '{"spec":{"shutdown":"${strategy}"}}'`;
function unconfirmed(report, { kubectl, strategy }) {
  return [
    ...report.engines.filter((e) => !e.confirmed).map(({ ref, why }) => ({
      suite: { kind: "chaosengine", name: `${ref.namespace}/${ref.name}` },
      what: `ChaosEngine ${ref.namespace}/${ref.name}`,
      why: why ?? "",
      command: `${kubectl} patch chaosengine ${ref.name} -n ${ref.namespace} ${stopEngine}`
    })),
    ...report.workflows.filter((w) => !w.confirmed).map(({ ref, why }) => ({
      suite: { kind: "workflow", name: `${ref.namespace}/${ref.name}` },
      what: `Workflow ${ref.namespace}/${ref.name}`,
      why: why ?? "",
      command: `${kubectl} patch workflow ${ref.name} -n ${ref.namespace} ${shutdownWorkflow(strategy)}`
    })),
    ...report.unlisted.map(({ kind, namespace, selector, why }) => ({
      suite: { kind: "chaosengine", name: `${namespace} (${selector})` },
      what: `${kind} labelled ${selector} in namespace ${namespace}`,
      why,
      command: `${kubectl} get ${kind.toLowerCase()} -n ${namespace} -l ${selector} -o name | xargs -r ${kubectl} patch -n ${namespace} ${kind === "Workflows" ? shutdownWorkflow(strategy) : stopEngine}`
    }))
  ];
}
function describeUnconfirmed(report, commands) {
  return unconfirmed(report, commands).flatMap(({ what, why, command }) => [
    `[chaos-gate] ERROR: chaos may still be running: ${what} was not confirmed stopped: ${why}`,
    `[chaos-gate]   to stop it: ${command}`
  ]);
}
function withStopCases(report, stops, commands) {
  const suites = report.suites.map((suite) => ({ ...suite, cases: [...suite.cases] }));
  for (const { suite: where, what, why, command } of unconfirmed(stops, commands)) {
    let suite = suites.find((s) => s.kind === where.kind && s.name === where.name);
    if (!suite) {
      suite = { kind: where.kind, name: where.name, properties: {}, cases: [] };
      suites.push(suite);
    }
    const stopCase = {
      kind: "chaos-stop",
      className: where.name,
      name: "chaos stopped",
      outcome: "error",
      message: `chaos may still be running: ${what} was not confirmed stopped: ${why}; to stop it: ${command}`,
      details: command,
      properties: { command }
    };
    suite.cases.push(stopCase);
  }
  return { suites };
}
var carriedStopCases = errorCarrier();
function carryingStopCases(error, stopCases) {
  return carriedStopCases.carrying(error, stopCases);
}
function stopCasesCarriedBy(error) {
  return carriedStopCases.carriedBy(error);
}
function warningsUnderError(error) {
  const unconfirmed2 = (stopCasesCarriedBy(error)?.suites ?? []).flatMap(
    (suite) => suite.cases.flatMap(({ kind, message }) => kind === "chaos-stop" && message ? [message] : [])
  );
  return [...unconfirmed2, ...warningsCarriedBy(error)];
}
function stopCasesIn(report) {
  return {
    suites: report.suites.flatMap((suite) => {
      const cases = suite.cases.filter((testCase) => testCase.kind === "chaos-stop");
      return cases.length > 0 ? [{ ...suite, cases }] : [];
    })
  };
}

export {
  describeUnconfirmed,
  withStopCases,
  carryingStopCases,
  stopCasesCarriedBy,
  warningsUnderError,
  stopCasesIn
};
