#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunks/chunk-RHQF5GFZ.js";
import "./chunks/chunk-3PVIRF4M.js";
import "./chunks/chunk-WYBPLHSC.js";
import {
  expectedChaosMs,
  progressLog
} from "./chunks/chunk-XDN2CSMS.js";
import "./chunks/chunk-466RCVCX.js";
import {
  ExitCode,
  endGroup,
  error,
  logLine,
  readInputs,
  runStep,
  setFailed,
  setOutput,
  startGroup,
  state,
  summary,
  warning
} from "./chunks/chunk-INGXMNWD.js";
import "./chunks/chunk-KVHWAE5E.js";
import "./chunks/chunk-QGHPKKGK.js";
import "./chunks/chunk-7GHJJVB5.js";
import "./chunks/chunk-PQLJGBJE.js";
import {
  loadConfig
} from "./chunks/chunk-GDAJTTKN.js";
import "./chunks/chunk-JAOWULLU.js";
import "./chunks/chunk-2VC5DTLM.js";
import "./chunks/chunk-LJVIP377.js";
import {
  mergeGate
} from "./chunks/chunk-FRQ4J4MR.js";
import "./chunks/chunk-4IIAXJ5D.js";
import "./chunks/chunk-RJQLYN3H.js";
import "./chunks/chunk-X7RXTTYG.js";
import "./chunks/chunk-AFCH7IME.js";
import "./chunks/chunk-EWRCKZ32.js";
import "./chunks/chunk-LGCRXLUJ.js";
import {
  cancellableReports,
  renderCannotRun
} from "./chunks/chunk-4XPF2IZM.js";
import {
  caseReasons,
  chaosMayStillRun,
  judgedCases,
  labelledExperiment,
  warningsOf,
  whereEvery
} from "./chunks/chunk-F4OWZKHV.js";
import {
  withCancellation
} from "./chunks/chunk-3HMXXW3G.js";
import "./chunks/chunk-5L5Z5RRO.js";
import "./chunks/chunk-SVOU2F6U.js";
import "./chunks/chunk-IMNZCBY4.js";
import "./chunks/chunk-UW3C4NVA.js";
import "./chunks/chunk-GRLH4IY6.js";
import "./chunks/chunk-KS2JBS36.js";
import {
  redact
} from "./chunks/chunk-J4IYJQFQ.js";
import {
  CancelledError,
  errorMessage
} from "./chunks/chunk-3NSBHRNM.js";

// src/action/groups.ts
var titles = {
  apply: "chaos-gate: apply",
  wait: "chaos-gate: wait for the verdicts",
  cleanup: "chaos-gate: clean up"
};
function logGroups() {
  let open = false;
  const end = () => {
    if (open) endGroup();
    open = false;
  };
  return {
    onPhase(phase) {
      end();
      const title = titles[phase];
      if (title) {
        startGroup(title);
        open = true;
      }
    },
    end
  };
}

// src/action/annotations.ts
var maxAnnotations = 10;
var maxNamedHidden = 10;
var maxMessageChars = 4e3;
var kindOrder = [
  "cluster",
  "experiment",
  "probe",
  "workflow",
  "workflow-step",
  "load-impact",
  "load-threshold",
  "load-check",
  "load-command",
  "ctk-hypothesis",
  "ctk-activity"
];
function annotationsOf(report, decision, summary2, reports) {
  if (decision.verdict === "pass") return [];
  const faults = faultsOf(report, decision);
  const fromCases = caseReasons(decision);
  const own = decision.reasons.filter((r) => !fromCases.has(r));
  const { failed, errored } = decision.counts;
  const verdict = {
    title: "Chaos gate failed",
    message: [`${failed} failed, ${errored} errored in ${faults.length} fault(s)`, ...own].join("\n")
  };
  const room = maxAnnotations - 1;
  const shown = faults.length <= room ? faults : faults.slice(0, room - 1);
  const annotations = [verdict, ...shown.map(describeFault)];
  const hidden = faults.slice(shown.length);
  if (hidden.length > 0) {
    annotations.push({
      title: `${hidden.length} more fault(s)`,
      message: moreFaults(hidden, summary2.failuresLeftOut, reports)
    });
  }
  return annotations.map(({ title, message }) => ({
    title,
    message: cutMessage(message, whereEvery(reports, "check"))
  }));
}
function warningAnnotations(warnings) {
  const title = "Chaos gate warning";
  const shown = warnings.length <= maxAnnotations ? warnings : warnings.slice(0, maxAnnotations - 1);
  const annotations = shown.map((message) => ({ title, message }));
  const rest = warnings.slice(shown.length);
  if (rest.length > 0)
    annotations.push({ title: `${rest.length} more chaos gate warnings`, message: rest.join("\n") });
  return annotations.map((a) => ({ ...a, message: cutMessage(a.message, "the step log has every one") }));
}
function cutMessage(message, where) {
  if (message.length <= maxMessageChars) return message;
  const fits = message.slice(0, maxMessageChars);
  const lineEnd = fits.lastIndexOf("\n");
  const head = lineEnd > 0 ? fits.slice(0, lineEnd) : fits;
  return `${head}
\u2026 ${message.length - head.length} more characters: ${where}`;
}
function moreFaults(hidden, leftOutOfSummary, reports) {
  const named = hidden.slice(0, maxNamedHidden).map((f) => f.title);
  const others = hidden.length - named.length;
  const names = `${named.join(", ")}${others > 0 ? ` and ${others} others` : ""}`;
  if (leftOutOfSummary === 0) return `${hidden.length} more in the job summary: ${names}`;
  return `${hidden.length} more: ${names}. The job summary has no room for ${leftOutOfSummary} failed check(s); ${whereEvery(reports, "check")}.`;
}
function faultsOf(report, decision) {
  const faults = /* @__PURE__ */ new Map();
  for (const [i, suite] of report.suites.entries()) {
    for (const { testCase, judgement } of judgedCases(decision, i, suite)) {
      const { status } = judgement;
      if (status !== "failed" && status !== "error") continue;
      const experiment = labelledExperiment(testCase);
      const key = experiment ?? `${testCase.className}\0${testCase.name}`;
      const title = experiment ?? `${testCase.className} \u203A ${testCase.name}`;
      const fault = faults.get(key);
      if (fault) fault.cases.push(testCase);
      else faults.set(key, { title, cases: [testCase] });
    }
  }
  const rank = (fault) => Math.min(...fault.cases.map((c) => kindOrder.indexOf(c.kind)));
  return [...faults.values()].sort((a, b) => rank(a) - rank(b));
}
function describeFault({ title, cases }) {
  const experiment = cases.find((c) => c.kind === "experiment");
  const own = experiment && (experiment.details ?? experiment.message);
  if (own) return { title, message: own };
  const lines = cases.map((c) => {
    const why = c.message ?? `${c.kind} ${c.outcome}`;
    return cases.length === 1 ? why : `${c.name}: ${why}`;
  });
  return { title, message: lines.join("\n") };
}

// src/action/outcome.ts
async function publishToGitHub(outcome) {
  const { report, decision, published } = outcome;
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(published.markdown().markdown).write();
  setOutputs({
    // A later `if: always()` step must tell a cancelled job from a failed gate: the cases of a
    // cancelled run are what was known when it was cut short, not a verdict.
    verdict: outcome.cancelled ? "cancelled" : decision.verdict,
    passed: decision.counts.passed,
    failed: decision.counts.failed,
    errored: decision.counts.errored,
    skipped: decision.counts.skipped,
    "probe-success": decision.probeSuccess ?? "",
    "junit-path": published.junit ?? "",
    "json-path": published.json ?? "",
    "html-path": published.html ?? "",
    "run-id": outcome.runId ?? ""
  });
  const warnings = [.../* @__PURE__ */ new Set([...warningsOf(report, decision), ...outcome.warningsAfterReports ?? []])];
  for (const { title, message } of warningAnnotations(warnings)) warning(message, { title });
  if (outcome.cancelled) {
    setFailed(
      chaosMayStillRun(report) ? `cancelled by ${outcome.cancelled}; chaos may still be running: the post step tries again, and the log names the command that stops it` : `cancelled by ${outcome.cancelled}; the chaos was stopped`
    );
    return;
  }
  for (const { title, message } of annotationsOf(report, decision, published.markdown(), published.reports)) {
    error(message, { title });
  }
  if (decision.verdict === "fail") process.exitCode = ExitCode.Failure;
}
async function failToRun(message, runId, verdict = "error") {
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(renderCannotRun(message)).write();
  setOutputs({
    verdict,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
    "probe-success": "",
    "junit-path": "",
    "json-path": "",
    "html-path": "",
    "run-id": runId ?? ""
  });
  setFailed(message);
}
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}

// src/action/main.ts
var defaultReports = { junit: "chaos-gate-results/junit.xml", json: "chaos-gate-results/report.json" };
async function runAction() {
  const groups = logGroups();
  let started = false;
  let startedRunId;
  try {
    const inputs = readInputs();
    const config = loadConfig(inputs.configFile, inputs.layer, { reports: defaultReports });
    if (inputs.command === "merge") {
      const merged = await cancellableReports(
        (line) => warning(line),
        () => mergeGate(config, inputs.reports, logLine)
      );
      await publishToGitHub(merged);
      return;
    }
    const progress = progressLog(logLine, expectedChaosMs(config));
    const outcome = await withCancellation(
      (line) => warning(line),
      ({ cancel, hurry }) => runTargets(config, {
        log: progress.log,
        clusterLog: progress.clusterLog,
        signal: cancel,
        hurry,
        kubeconfigContent: inputs.kubeconfigContent,
        onStarted: (runId, namespaces) => {
          started = true;
          startedRunId = runId;
          state.saveRun({ runId, namespaces });
        },
        onTargetStarted: (target, runId, namespaces) => {
          started = true;
          state.saveRun({ runId, namespaces, target });
        },
        onPhase: (phase) => {
          progress.onPhase(phase);
          groups.onPhase(phase);
        }
      })
    );
    groups.end();
    if (chaosMayStillRun(outcome.report)) state.markEnded("unconfirmed");
    else state.markFinished();
    await publishToGitHub(outcome);
  } catch (error2) {
    groups.end();
    if (started) state.markEnded("failed");
    else state.markFinished();
    const cancelled = error2 instanceof CancelledError;
    const message = redact(errorMessage(error2));
    await failToRun(
      cancelled && !error2.left ? `${message} before any chaos started` : message,
      startedRunId,
      cancelled ? "cancelled" : "error"
    );
  }
}

// src/action/index.ts
await runStep(runAction);
