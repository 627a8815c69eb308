#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  logLine,
  maxAnnotations,
  readInputs,
  runStep,
  setFailed,
  state,
  warning,
  warningAnnotations
} from "./chunks/chunk-2E6CBQGG.js";
import {
  ManifestApplier,
  RunResources,
  allConfirmed,
  anythingLeft,
  leaseDurationSeconds,
  releaseLeftLeases,
  runLabel,
  stopRunChaos
} from "./chunks/chunk-S2FRZQFM.js";
import {
  connect,
  limited,
  pMap
} from "./chunks/chunk-FTCHEUJJ.js";
import "./chunks/chunk-7GHJJVB5.js";
import "./chunks/chunk-4PREBK7H.js";
import {
  loadConfig
} from "./chunks/chunk-YMFNMLNS.js";
import {
  describeUnconfirmed
} from "./chunks/chunk-6FZ6MQKZ.js";
import "./chunks/chunk-SXEAMQ7S.js";
import "./chunks/chunk-IGRTILGH.js";
import "./chunks/chunk-LJVIP377.js";
import {
  loadKubeContext
} from "./chunks/chunk-GG633MRR.js";
import "./chunks/chunk-SB6IFH6Q.js";
import "./chunks/chunk-WKLY2BNK.js";
import {
  RunWarnings
} from "./chunks/chunk-SQNS6QL3.js";
import "./chunks/chunk-6S4KZUTS.js";
import "./chunks/chunk-CVJQ4RIC.js";
import {
  withCancellation
} from "./chunks/chunk-RBQ57VMM.js";
import "./chunks/chunk-5L5Z5RRO.js";
import {
  kubectlFor
} from "./chunks/chunk-X4QZAPBZ.js";
import "./chunks/chunk-JDCHZ752.js";
import "./chunks/chunk-WWMJPIHK.js";
import "./chunks/chunk-52RQKVFM.js";
import {
  redact
} from "./chunks/chunk-LFKR3ZVH.js";
import {
  errorMessage
} from "./chunks/chunk-A2VFD3MS.js";

// src/run/stop-run.ts
async function stopRun(target, run, options) {
  const connection = connectTo(target, options);
  const { leases = [], created, ...scope } = run;
  const stops = await stopRunChaos(
    connection,
    { ...scope, engines: [], workflows: [], search: { engines: true, workflows: true } },
    {
      deadlineMs: options.stopTimeoutMs,
      hurry: options.hurry,
      log: options.log,
      shutdown: options.shutdown
    }
  );
  const kubectl = kubectlFor(target);
  describeUnconfirmed(stops, { kubectl, strategy: options.shutdown }).forEach((line) => options.log(line));
  if (created && anythingLeft(created)) {
    const { runId, namespaces } = run;
    const applier = new ManifestApplier(connection, "", {
      id: runId,
      record: created.record,
      chaosIn: namespaces
    });
    const resources = RunResources.recorded(
      {
        connection,
        sending: connection,
        applier,
        runId,
        namespaces,
        shutdown: options.shutdown,
        kubectl,
        cleanup: options.cleanup,
        stopTimeoutMs: options.stopTimeoutMs,
        log: options.log,
        warn: options.warn
      },
      created
    );
    await resources.cleanup(false, options.hurry, stops);
  }
  if (allConfirmed(stops))
    await releaseLeftLeases(limited(connection, { signal: options.hurry }), leases, options.log);
  return stops;
}
async function freeRunId(target, leases, options) {
  const connection = connectTo(target, options);
  await releaseLeftLeases(limited(connection, { signal: options.hurry }), leases, options.log);
}
function connectTo(target, { log, warn }) {
  return connect(loadKubeContext(target, { say: (line) => log(`[chaos-gate] ${line}`), warn }));
}

// src/action/post.ts
async function runPost() {
  await stopUnfinishedRun();
}
async function stopUnfinishedRun() {
  const runs = state.unfinishedRuns();
  if (runs === "unreadable") {
    setFailed(
      `the main step's record of its runs is unreadable: its chaos may still be running: look for ChaosEngines and Workflows labelled ${runLabel}`
    );
    return;
  }
  if (runs.length === 0) return;
  const ids = (of) => of.map((run) => run.runId).join(", ");
  const started = runs.filter((run) => !run.inPreflight);
  let inputs;
  let config;
  try {
    inputs = readInputs();
    config = loadConfig(inputs.configFile, inputs.layer);
  } catch (error) {
    const what = started.length > 0 ? `stop the chaos of run ${ids(started)}` : `free run id ${ids(runs)}`;
    setFailed(`could not ${what}: ${redact(errorMessage(error))}`);
    return;
  }
  if (started.length > 0)
    warning(`${whyStop[state.mainEnd()]}: stopping the chaos of run ${ids(started)}`);
  const stopped = await withCancellation(
    () => {
    },
    // Any signal here means the runner is about to kill the step: one last attempt, then out.
    ({ cancel }) => pMap(runs, (run) => stopOne(run, inputs, config, cancel), {
      concurrency: config.parallelTargets
    })
  );
  const warnings = stopped.flatMap((s) => s.warnings);
  for (const { title, message } of warningAnnotations(warnings, maxAnnotations - 1))
    warning(message, { title });
  const failed = stopped.flatMap((s) => s.problem === void 0 ? [] : [s.problem]);
  if (failed.length > 0) setFailed(failed.join("\n"));
}
var whyStop = {
  killed: "the main step did not finish",
  failed: "the main step failed after its chaos started",
  unconfirmed: "the main step could not confirm that its chaos stopped"
};
async function stopOne(run, inputs, config, hurry) {
  const cluster = {
    ...config,
    kubeconfig: run.target?.kubeconfig ?? config.kubeconfig,
    context: run.target?.context ?? config.context,
    kubeconfigContent: inputs.kubeconfigContent
  };
  const several = run.target !== void 0;
  const log = several ? (line) => logLine(`[${run.runId}] ${line}`) : logLine;
  const warnings = new RunWarnings(log);
  const named = (warning2) => several ? `run ${run.runId}: ${warning2}` : warning2;
  if (run.inPreflight) {
    await freeRunId(cluster, run.leases ?? [], { hurry, log, warn: warnings.warn }).catch(
      (error) => warnings.warn(
        `could not free run id ${run.runId}: ${redact(errorMessage(error))}; its lease expires within ${leaseDurationSeconds}s`
      )
    );
    return { problem: void 0, warnings: warnings.take().map(named) };
  }
  let problem;
  try {
    const stops = await stopRun(cluster, run, {
      stopTimeoutMs: config.stopTimeoutMs,
      shutdown: config.workflow?.shutdown ?? "Stop",
      cleanup: config.cleanup,
      hurry,
      log,
      warn: warnings.warn
    });
    if (!allConfirmed(stops))
      problem = `chaos may still be running: the stop of run ${run.runId} was not confirmed (see above)`;
  } catch (error) {
    problem = `could not stop the chaos of run ${run.runId}: ${redact(errorMessage(error))}`;
  }
  return { problem, warnings: warnings.take().map(named) };
}

// src/action/post-entry.ts
await runStep(runPost);
