#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  closestName
} from "./chunk-LFKR3ZVH.js";

// src/gate/policy.ts
var defaultPolicy = {
  failOnFailure: true,
  allowFailures: [],
  stopped: "fail",
  timeouts: "fail"
};
var fixedStatuses = {
  pass: "passed",
  fail: "failed",
  error: "error",
  skipped: "skipped"
};
function caseStatus(testCase, policy) {
  switch (testCase.outcome) {
    case "stopped":
      return policy.stopped === "fail" ? "failed" : "skipped";
    case "timeout":
      return policy.timeouts === "fail" ? "error" : "skipped";
    default:
      return fixedStatuses[testCase.outcome];
  }
}
var isSkipped = (testCase, policy) => caseStatus(testCase, policy) === "skipped";
function skippingSetting(testCase, policy) {
  if (testCase.outcome === "stopped" && policy.stopped === "skip") return "--stopped-as skip";
  if (testCase.outcome === "timeout" && policy.timeouts === "skip") return "--timeouts-as skip";
  return void 0;
}
var isUnexcusable = (testCase) => testCase.kind === "chaos-stop" || testCase.kind === "cluster";
var passedCase = Object.freeze({ status: "passed" });
var skippedCase = Object.freeze({ status: "skipped" });
function judge(testCase, policy, probeFloorHolds) {
  const status = caseStatus(testCase, policy);
  if (!isFailing(status)) return status === "passed" ? passedCase : skippedCase;
  if (isUnexcusable(testCase)) return { status, reason: describeFailure(testCase) };
  const tolerated = toleranceOf(testCase, policy, probeFloorHolds);
  if (tolerated) return { status: "skipped", tolerated };
  return policy.failOnFailure ? { status, reason: describeFailure(testCase) } : { status };
}
function toleranceOf(testCase, policy, probeFloorHolds) {
  if (isAllowedToFail(testCase, policy)) return "allowFailures";
  if (policy.failOnFailure) return void 0;
  if (testCase.kind !== "probe" || policy.minProbeSuccess === void 0) return "failOnFailure";
  return probeFloorHolds ? "minProbeSuccess" : void 0;
}
var isFailing = (status) => status === "failed" || status === "error";
function isAllowedToFail(testCase, policy) {
  const { experiment } = testCase;
  return !!experiment && policy.allowFailures.some((pattern) => allows(pattern, experiment));
}
function allows(pattern, qualified) {
  const [, engine, experiment] = qualified.split("/");
  return pattern === experiment || pattern === `${engine}/${experiment}` || pattern === qualified;
}
function unmatchedAllowances(report, policy) {
  if (policy.allowFailures.length === 0) return [];
  const experiments = new Set(
    report.suites.flatMap((suite) => suite.cases.flatMap((c) => c.experiment ? [c.experiment] : []))
  );
  if (experiments.size === 0) return [];
  const names = [...experiments].flatMap((qualified) => {
    const [, engine, experiment] = qualified.split("/");
    return [qualified, `${engine}/${experiment}`, experiment ?? ""];
  });
  return policy.allowFailures.filter((pattern) => ![...experiments].some((qualified) => allows(pattern, qualified))).map((pattern) => ({ pattern, meant: closestName(pattern, names) }));
}
var countKeys = {
  passed: "passed",
  failed: "failed",
  error: "errored",
  skipped: "skipped"
};
function evaluateGate(report, policy) {
  let probeCount = 0;
  let probesPassed = 0;
  for (const suite of report.suites) {
    for (const testCase of suite.cases) {
      if (testCase.kind !== "probe") continue;
      probeCount++;
      if (testCase.outcome === "pass") probesPassed++;
    }
  }
  const probeSuccess = probeCount === 0 ? void 0 : Math.floor(probesPassed * 100 / probeCount);
  const { minProbeSuccess } = policy;
  const probeFloorHolds = minProbeSuccess === void 0 || probeSuccess !== void 0 && probeSuccess >= minProbeSuccess;
  const counts = { passed: 0, failed: 0, errored: 0, skipped: 0, tolerated: 0 };
  const reasons = [];
  const judgements = report.suites.map(
    (suite) => suite.cases.map((testCase) => {
      const judgement = judge(testCase, policy, probeFloorHolds);
      const { status, tolerated, reason } = judgement;
      counts[countKeys[status]]++;
      if (tolerated) counts.tolerated++;
      if (reason && isUnexcusable(testCase)) reasons.unshift(reason);
      else if (reason) reasons.push(reason);
      return judgement;
    })
  );
  if (!report.suites.some((suite) => suite.cases.length > 0)) reasons.push("no results: nothing was checked");
  if (minProbeSuccess !== void 0) {
    if (probeSuccess === void 0) {
      reasons.push(`a minimum probe success of ${minProbeSuccess}% was set, but no probe ran`);
    } else if (probeSuccess < minProbeSuccess) {
      reasons.push(`probe success ${probeSuccess}% is below the minimum of ${minProbeSuccess}%`);
    }
  }
  if (reasons.length > 0) return { verdict: "fail", reasons, counts, probeSuccess, judgements };
  const checked = [`${counts.passed} passed`, `${counts.skipped} skipped`];
  if (probeSuccess !== void 0) checked.push(`probe success ${probeSuccess}%`);
  const summary = counts.tolerated === 0 ? "all checks passed" : `passed with ${counts.tolerated} failure(s) the policy tolerates`;
  return {
    verdict: "pass",
    reasons: [`${summary} (${checked.join(", ")})`],
    counts,
    probeSuccess,
    judgements
  };
}
var failureWords = {
  timeout: "did not finish",
  // Who stopped it (chaos-gate, someone in the cluster, a probe) is the case's message.
  stopped: "was stopped",
  error: "errored"
};
function describeFailure(testCase) {
  const what = `${testCase.kind} ${testCase.className} \u203A ${testCase.name}`;
  const why = failureWords[testCase.outcome] ?? "failed";
  return testCase.message ? `${what} ${why}: ${testCase.message}` : `${what} ${why}`;
}

// src/run/cancellation.ts
var runSaid = [
  (signal) => `received ${signal}: stopping the chaos and cleaning up`,
  (signal) => `received ${signal}: one last stop attempt, then leaving`,
  (signal) => `received ${signal}: leaving now`
];
var reportSaid = [
  (signal) => `received ${signal}: stopping, leaving no report behind`,
  (signal) => `received ${signal}: already stopping`
];
async function withCancellation(say, body, said = runSaid) {
  const cancel = new AbortController();
  const hurry = new AbortController();
  let count = 0;
  const handle = (signal) => {
    count++;
    const message = said[Math.min(count, said.length) - 1];
    say(message(signal));
    if (count === 1) cancel.abort(signal);
    else if (count === 2) hurry.abort(signal);
    else if (said.length > 2) process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
  try {
    return await body({ cancel: cancel.signal, hurry: hurry.signal });
  } finally {
    process.off("SIGINT", handle);
    process.off("SIGTERM", handle);
  }
}

export {
  defaultPolicy,
  isSkipped,
  skippingSetting,
  unmatchedAllowances,
  evaluateGate,
  reportSaid,
  withCancellation
};
