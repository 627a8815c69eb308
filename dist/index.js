#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  runTargets
} from "./chunks/chunk-J2BRW7SR.js";
import "./chunks/chunk-6ITUDFAW.js";
import "./chunks/chunk-PXFUVPJ3.js";
import {
  expectedChaosMs,
  progressLog
} from "./chunks/chunk-5FQ7ODGA.js";
import "./chunks/chunk-466RCVCX.js";
import {
  ExitCode,
  annotationsOf,
  endGroup,
  error,
  logLine,
  maxAnnotations,
  readInputs,
  runStep,
  setFailed,
  setOutput,
  startGroup,
  state,
  summary,
  warning,
  warningAnnotations
} from "./chunks/chunk-2E6CBQGG.js";
import "./chunks/chunk-S2FRZQFM.js";
import "./chunks/chunk-FTCHEUJJ.js";
import "./chunks/chunk-7GHJJVB5.js";
import "./chunks/chunk-4PREBK7H.js";
import {
  loadConfig
} from "./chunks/chunk-YMFNMLNS.js";
import {
  stopCasesCarriedBy,
  warningsUnderError
} from "./chunks/chunk-6FZ6MQKZ.js";
import "./chunks/chunk-SXEAMQ7S.js";
import "./chunks/chunk-IGRTILGH.js";
import "./chunks/chunk-LJVIP377.js";
import {
  mergeGate
} from "./chunks/chunk-DIWHN3G4.js";
import "./chunks/chunk-KJ3ENT35.js";
import "./chunks/chunk-GG633MRR.js";
import "./chunks/chunk-RL6CGLGP.js";
import "./chunks/chunk-SB6IFH6Q.js";
import "./chunks/chunk-WKLY2BNK.js";
import "./chunks/chunk-SQNS6QL3.js";
import "./chunks/chunk-6S4KZUTS.js";
import {
  cancellableReports,
  renderCannotRun
} from "./chunks/chunk-WBMP6CCB.js";
import {
  chaosMayStillRun,
  suitesUnder,
  warningsOf
} from "./chunks/chunk-CVJQ4RIC.js";
import {
  withCancellation
} from "./chunks/chunk-RBQ57VMM.js";
import "./chunks/chunk-5L5Z5RRO.js";
import "./chunks/chunk-SVOU2F6U.js";
import "./chunks/chunk-X4QZAPBZ.js";
import "./chunks/chunk-JDCHZ752.js";
import "./chunks/chunk-WWMJPIHK.js";
import "./chunks/chunk-52RQKVFM.js";
import {
  redact
} from "./chunks/chunk-LFKR3ZVH.js";
import {
  CancelledError,
  errorMessage
} from "./chunks/chunk-A2VFD3MS.js";

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

// src/action/outcome.ts
async function publishToGitHub(outcome, warningRoom = maxAnnotations) {
  const { report, decision, published } = outcome;
  const cancel = outcome.cancelled && (chaosMayStillRun(report) ? `cancelled by ${outcome.cancelled}; chaos may still be running: the post step tries again, and the log names the command that stops it` : `cancelled by ${outcome.cancelled}; the chaos was stopped`);
  if (process.env.GITHUB_STEP_SUMMARY) {
    const markdown = published.markdown().markdown;
    await summary.addRaw(
      cancel ? `> \u23F9\uFE0F ${cancel}. The step failed, whatever the verdict below.

${markdown}` : markdown
    ).write();
  }
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
  for (const { title, message } of warningAnnotations(warnings, warningRoom))
    warning(message, { title });
  if (cancel) {
    setFailed(cancel);
    return;
  }
  for (const { title, message } of annotationsOf(report, decision, published.markdown(), published.reports)) {
    error(message, { title });
  }
  if (decision.verdict === "fail") process.exitCode = ExitCode.Failure;
}
async function failToRun({
  message,
  runId,
  verdict = "error",
  warnings = [],
  warningRoom = maxAnnotations
}) {
  if (process.env.GITHUB_STEP_SUMMARY)
    await summary.addRaw(renderCannotRun(message, warnings, verdict === "cancelled")).write();
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
  for (const { title, message: warning2 } of warningAnnotations(warnings, warningRoom))
    warning(warning2, { title });
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
  let signalWarnings = 0;
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
    const recordFull = /* @__PURE__ */ new Set();
    const outcome = await withCancellation(
      (line) => {
        signalWarnings++;
        warning(line);
      },
      ({ cancel, hurry }) => runTargets(config, {
        log: progress.log,
        clusterLog: progress.clusterLog,
        signal: cancel,
        hurry,
        kubeconfigContent: inputs.kubeconfigContent,
        onLocked: (runId, leases) => state.saveRun({ runId, namespaces: [], leases, inPreflight: true }),
        onTargetLocked: (target, runId, leases) => state.saveRun({ runId, namespaces: [], target, leases, inPreflight: true }),
        onStarted: (runId, namespaces, leases) => {
          started = true;
          startedRunId = runId;
          state.saveRun({ runId, namespaces, leases });
        },
        onTargetStarted: (target, runId, namespaces, leases) => {
          started = true;
          state.saveRun({ runId, namespaces, target, leases });
        },
        onCreated: (runId, created) => {
          if (state.saveCreated(runId, created) || recordFull.has(runId)) return;
          recordFull.add(runId);
          progress.log(
            `[chaos-gate] run ${runId}: too many objects (${created.applied.length}) to record for the post step: if this step is killed, it cleans up only those recorded before`
          );
        },
        onPhase: (phase) => {
          progress.onPhase(phase);
          groups.onPhase(phase);
        }
      })
    );
    groups.end();
    const { report } = outcome;
    if (chaosMayStillRun(report)) state.markEnded("unconfirmed", mayStillRun(report));
    else state.markFinished();
    await publishToGitHub(outcome, maxAnnotations - signalWarnings);
  } catch (error2) {
    groups.end();
    const stopCases = stopCasesCarriedBy(error2);
    if (started) state.markEnded("failed", stopCases && mayStillRun(stopCases));
    else state.markFinished();
    const cancelled = error2 instanceof CancelledError;
    const message = redact(errorMessage(error2));
    await failToRun({
      message: cancelled && !error2.left ? `${message} before any chaos started` : message,
      runId: startedRunId,
      verdict: cancelled ? "cancelled" : "error",
      warnings: warningsUnderError(error2).map(redact),
      warningRoom: maxAnnotations - signalWarnings
    });
  }
}
function mayStillRun(report) {
  return (run) => !run.target || chaosMayStillRun(suitesUnder(report, run.target.name));
}

// src/action/index.ts
await runStep(runAction);
