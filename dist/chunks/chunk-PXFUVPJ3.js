#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  totalChaosSeconds
} from "./chunk-466RCVCX.js";
import {
  engineProblem,
  experimentStatusOf,
  isEngineFinished,
  isNotRun,
  isVerdictFinal,
  legacyProbeOutcome,
  probeOutcome,
  resultName,
  verdictOutcome
} from "./chunk-4PREBK7H.js";
import {
  secondsBetween
} from "./chunk-CVJQ4RIC.js";

// src/report/interruption.ts
function interruptionOf({ timedOut, cancelled }) {
  if (timedOut && cancelled)
    return {
      outcome: "timeout",
      why: `the wait timed out, and the run was then cancelled (${cancelled}) while chaos-gate stopped the chaos`
    };
  if (cancelled) return { outcome: "stopped", why: `the run was cancelled (${cancelled})` };
  if (timedOut) return { outcome: "timeout", why: "the wait timed out" };
  return void 0;
}

// src/litmus/convert.ts
var keyOf = (object) => `${object.metadata.namespace ?? ""}/${object.metadata.name ?? ""}`;
var engineSuiteName = (engine) => keyOf(engine);
function resultSuiteName(result) {
  return `${result.metadata.namespace ?? ""}/${result.spec?.engine ?? engineFromName(result)}`;
}
function convertChaos(objects) {
  const { engines, results, deleted = [], asFound = false } = objects;
  const interruption = interruptionOf(objects);
  const resultsByKey = new Map(results.map((result) => [keyOf(result), result]));
  const problems = engines.map(engineProblem);
  const readable = new Set(engines.filter((_, i) => !problems[i]).map(engineSuiteName));
  const unmatched = /* @__PURE__ */ new Map();
  for (const result of results) {
    const key = resultSuiteName(result);
    if (readable.has(key)) continue;
    const group = unmatched.get(key);
    if (group) group.push(result);
    else unmatched.set(key, [result]);
  }
  const suites = engines.map((engine, i) => {
    const key = keyOf(engine);
    const gone = { outcome: "error", why: `ChaosEngine ${key} was deleted` };
    const context = {
      resultsByKey,
      interruption: deleted.includes(key) ? gone : interruption,
      asFound,
      stopped: whoStopped(objects, key)
    };
    const problem = problems[i];
    return problem ? unreadableEngineSuite(key, unmatched.get(key) ?? [], problem, context) : engineSuite(engine, context);
  });
  const covered = new Set(engines.map(engineSuiteName));
  for (const [key, group] of unmatched)
    if (!covered.has(key)) suites.push(resultsOnlySuite(key, group, interruption, whoStopped(objects, key)));
  return { suites };
}
function unreadableEngineSuite(key, results, problem, { interruption, stopped }) {
  const suite = resultsOnlySuite(key, results, interruption, stopped);
  suite.cases.unshift({
    kind: "experiment",
    className: key,
    name: "(engine)",
    outcome: "error",
    message: problem,
    properties: {}
  });
  return suite;
}
var stoppedUnknown = Object.freeze({
  gate: false,
  outcome: "stopped",
  message: "the experiment was stopped (aborted) before it finished"
});
var stoppedElsewhere = Object.freeze({
  gate: false,
  outcome: "stopped",
  message: "aborted in the cluster before it finished (engineState set to stop by someone else, not by chaos-gate)"
});
function whoStopped({ stoppedByGate, timedOut, cancelled }, key) {
  if (!stoppedByGate) return stoppedUnknown;
  if (!stoppedByGate.engines.includes(key)) return stoppedElsewhere;
  const after = `after the ${stoppedByGate.timeout} timeout`;
  const why = timedOut && cancelled ? `${after} (the run was then cancelled by ${cancelled} during the stop)` : timedOut ? after : cancelled ? `when the run was cancelled (${cancelled})` : stoppedByGate.outlived ? `when ${stoppedByGate.outlived} with it still running` : "";
  return {
    gate: true,
    outcome: timedOut ? "timeout" : "stopped",
    message: `stopped by chaos-gate${why ? ` ${why}` : ""}, before it finished`
  };
}
function engineFromName(result) {
  const { name = "" } = result.metadata;
  const experiment = result.spec?.experiment;
  return experiment && name.endsWith(`-${experiment}`) ? name.slice(0, -experiment.length - 1) : name;
}
function engineSuite(engine, { resultsByKey, interruption, asFound, stopped }) {
  const namespace = engine.metadata.namespace ?? "";
  const name = engine.metadata.name ?? "";
  const suiteName = engineSuiteName(engine);
  const experimentNames = experimentsOf(engine);
  const unfinished = interruption ?? (isEngineFinished(engine) ? void 0 : { outcome: "timeout", why: "the engine had not finished" });
  const cases = experimentNames.flatMap((experiment) => {
    const found = resultsByKey.get(`${namespace}/${resultName(name, experiment)}`);
    const ours = found && belongsToEngine(found, engine);
    const runStatus = engine.status?.experiments?.find((e) => e.name === experiment);
    return experimentCases({
      suiteName,
      experiment,
      result: ours ? found : void 0,
      startedAt: ours ? startInEngine(found, engine) : void 0,
      otherRunsResult: found && !ours ? otherRunsResult(found, engine) : void 0,
      engineRunStatus: runStatus?.status,
      endedAt: runStatus?.lastUpdateTime,
      interruption: unfinished,
      asFound,
      stopped
    });
  });
  if (cases.length === 0 && interruption) {
    cases.push({
      kind: "experiment",
      className: suiteName,
      name: "(engine)",
      outcome: interruption.outcome,
      message: `no verdict: ${interruption.why}`,
      properties: {}
    });
  }
  const app = engine.spec?.appinfo;
  const duration = totalChaosSeconds(engine.spec?.experiments?.[0]);
  const started = engine.metadata.creationTimestamp;
  const ended = latest(engine.status?.experiments?.map((e) => e.lastUpdateTime));
  return {
    kind: "chaosengine",
    name: suiteName,
    timestamp: started,
    durationSeconds: secondsBetween(started, ended),
    properties: definedProperties({
      engine: suiteName,
      "engine.uid": engine.metadata.uid,
      "engine.status": engine.status?.engineStatus,
      experiments: experimentNames.join(","),
      "target.app": app?.applabel || app?.appns ? `${app.appkind ?? "app"} ${app.appns ?? namespace} ${app.applabel ?? ""}`.trim() : void 0,
      "chaos.duration": duration === void 0 ? void 0 : `${duration}s`
    }),
    cases
  };
}
function expectedResultNames(engine) {
  if (engineProblem(engine)) return [];
  return experimentsOf(engine).map((experiment) => resultName(engine.metadata.name ?? "", experiment));
}
function experimentsOf(engine) {
  const fromSpec = engine.spec?.experiments?.map((e) => e.name) ?? [];
  const fromStatus = engine.status?.experiments?.map((e) => e.name ?? "").filter(Boolean) ?? [];
  return [.../* @__PURE__ */ new Set([...fromSpec, ...fromStatus])];
}
function belongsToEngine(result, engine) {
  const uid = engine.metadata.uid;
  return !uid || result.metadata.labels?.chaosUID === uid;
}
function otherRunsResult(result, engine) {
  const label = result.metadata.labels?.chaosUID;
  const whose = label ? `chaosUID ${label}` : "no chaosUID label";
  return `the ChaosResult ${result.metadata.name ?? ""} found belongs to another run (${whose}, not the engine's UID ${engine.metadata.uid ?? ""})`;
}
function resultsOnlySuite(key, results, interruption, stopped) {
  const starts = results.map(startWithoutEngine);
  const cases = results.flatMap(
    (result, i) => experimentCases({
      suiteName: key,
      experiment: result.spec?.experiment ?? result.metadata.name ?? "",
      result,
      startedAt: starts[i],
      endedAt: lastWrite(result),
      interruption,
      stopped
    })
  );
  return {
    kind: "chaosengine",
    name: key,
    timestamp: earliest(starts),
    properties: { engine: key },
    cases
  };
}
function startInEngine(result, engine) {
  return laterOf(result.metadata.creationTimestamp, engine.metadata.creationTimestamp);
}
function startWithoutEngine(result) {
  return runsBefore(result) > 0 ? void 0 : result.metadata.creationTimestamp;
}
function runsBefore(result) {
  const history = result.status?.history;
  if (!history) return 0;
  const counted = (history.passedRuns ?? 0) + (history.failedRuns ?? 0) + (history.stoppedRuns ?? 0);
  const status = experimentStatusOf(result);
  const outcome = verdictOutcome(status.verdict);
  const thisRunCounted = isVerdictFinal(status) && !!outcome && outcome !== "error";
  return Math.max(0, counted - (thisRunCounted ? 1 : 0));
}
function experimentCases(input) {
  const { suiteName, experiment, result, startedAt } = input;
  const base = {
    className: suiteName,
    experiment: `${suiteName}/${experiment}`,
    startedAt,
    durationSeconds: secondsBetween(startedAt, input.endedAt ?? (result && lastWrite(result)))
  };
  if (!result) return [missingResultCase(input, base)];
  const status = experimentStatusOf(result);
  const probes = probeCases(result, base, experiment);
  const experimentCase = caseOf(
    base,
    "experiment",
    experiment,
    judgeExperiment(status, probes, input),
    definedProperties({
      experiment,
      phase: status.phase,
      verdict: status.verdict,
      probeSuccessPercentage: status.probeSuccessPercentage,
      chaosResult: result.metadata.name,
      targets: result.status?.history?.targets?.map((t) => `${t.kind ?? ""}/${t.name ?? ""}=${t.chaosStatus ?? ""}`).join(",")
    })
  );
  return [experimentCase, ...probes];
}
function missingResultCase(input, base) {
  const { engineRunStatus, interruption, suiteName, experiment, otherRunsResult: otherRunsResult2 } = input;
  const properties = { experiment, ...engineRunStatus ? { "engine.status": engineRunStatus } : {} };
  const missing = (judged) => caseOf(base, "experiment", experiment, judged, properties);
  if (isNotRun(engineRunStatus))
    return missing({ outcome: "fail", message: `experiment not run: ${engineRunStatus}` });
  if (interruption) {
    const started = engineRunStatus && engineRunStatus !== "Waiting for Job Creation";
    const noVerdict = started ? `no verdict: the experiment was ${engineRunStatus} but had written no ChaosResult when ${interruption.why}` : `no verdict: the experiment had not started when ${interruption.why}`;
    return missing({
      outcome: interruption.outcome,
      message: otherRunsResult2 ? `${noVerdict}; ${otherRunsResult2}` : noVerdict
    });
  }
  const message = otherRunsResult2 ? `no ChaosResult of this run: ${otherRunsResult2}` : `no ChaosResult ${suiteName.split("/")[1]}-${experiment} was written for this run`;
  return missing({ outcome: input.asFound ? "timeout" : "error", message });
}
function judgeExperiment(status, probes, { interruption, stopped }) {
  if (!isVerdictFinal(status)) {
    const still = `still ${status.verdict || "without a verdict"} (phase ${status.phase ?? "unknown"})`;
    return interruption ? { outcome: interruption.outcome, message: `${still} when ${interruption.why}` } : { outcome: "timeout", message: `${still} when the results were read` };
  }
  const known = verdictOutcome(status.verdict);
  if (known === "pass") return { outcome: "pass" };
  if (known === "stopped") {
    const failed = probes.find((p) => p.outcome === "fail");
    if (failed && !stopped.gate)
      return {
        outcome: "stopped",
        message: `stopped by Litmus when probe ${failed.properties.probe ?? ""} failed (stopOnFailure): ${failed.message ?? ""}`
      };
    return { outcome: stopped.outcome, message: stopped.message };
  }
  const lines = failureLines(status, probes);
  if (!known) lines.push(`unexpected verdict "${status.verdict ?? ""}" (phase ${status.phase ?? "unknown"})`);
  if (lines.length === 0) lines.push(`verdict ${status.verdict} (phase ${status.phase ?? "unknown"})`);
  return { outcome: known ?? "error", message: lines[0], details: lines.join("\n") };
}
function failureLines(status, probes) {
  const lines = [];
  const error = status.errorOutput;
  if (error?.errorCode || error?.reason)
    lines.push(`${error.errorCode ?? "ERROR"}: ${readableReason(error.reason)}`);
  const legacy = status.failureOutput;
  if (legacy?.errorCode || legacy?.failedStep)
    lines.push(`${legacy.errorCode ?? "ERROR"}: ${legacy.failedStep ?? ""}`);
  if (status.failStep && status.failStep !== "N/A") lines.push(status.failStep);
  for (const probe of probes.filter((p) => p.outcome === "fail"))
    lines.push(`probe ${probe.properties.probe} failed: ${probe.message ?? ""}`.trim());
  return lines;
}
function readableReason(reason) {
  if (!reason) return "";
  try {
    const parsed = JSON.parse(reason);
    if (typeof parsed.reason === "string") {
      const where = [parsed.phase && `in ${parsed.phase}`, parsed.target && `target ${parsed.target}`].filter(
        Boolean
      );
      return where.length ? `${parsed.reason} (${where.join(", ")})` : parsed.reason;
    }
  } catch {
  }
  return reason;
}
function probeCases(result, experimentBase, experiment) {
  const base = { ...experimentBase, durationSeconds: void 0 };
  const modern = result.status?.probeStatuses;
  if (modern?.length) return modern.map((probe) => modernProbeCase(probe, base, experiment));
  return (result.status?.probeStatus ?? []).map((probe) => legacyProbeCase(probe, base, experiment));
}
function modernProbeCase(probe, base, experiment) {
  const verdict = probe.status?.verdict ?? "Awaited";
  const outcome = probeOutcome(verdict);
  const description = probe.status?.description;
  return caseOf(
    base,
    "probe",
    probeCaseName(experiment, probe.name),
    outcome === "pass" ? { outcome } : { outcome, message: description ?? `probe verdict ${verdict}`, details: description },
    definedProperties({ probe: probe.name, type: probe.type, mode: probe.mode, verdict })
  );
}
function legacyProbeCase(probe, base, experiment) {
  const phases = Object.entries(probe.status ?? {});
  const outcome = legacyProbeOutcome(phases.map(([, text]) => text));
  const summary = phases.map(([phase, text]) => `${phase}: ${text.trim()}`).join(", ");
  return caseOf(
    base,
    "probe",
    probeCaseName(experiment, probe.name),
    outcome === "pass" ? { outcome } : { outcome, message: summary, details: summary },
    definedProperties({ probe: probe.name, type: probe.type, mode: phases.map(([p]) => p).join(",") })
  );
}
function caseOf(base, kind, name, { outcome, message, details }, properties) {
  const { className, experiment, startedAt, durationSeconds } = base;
  return {
    kind,
    className,
    name,
    outcome,
    message,
    details,
    startedAt,
    durationSeconds,
    properties,
    experiment
  };
}
function probeCaseName(experiment, probe) {
  return `${experiment} / probe ${probe ?? "(unnamed)"}`;
}
function lastWrite(result) {
  return latest(result.metadata.managedFields?.map((f) => f.time));
}
function latest(times) {
  return (times ?? []).filter((t) => !!t).sort().at(-1);
}
function earliest(times) {
  return times.filter((t) => !!t).sort()[0];
}
function laterOf(a, b) {
  if (!a || !b) return a || b;
  const aMs = Date.parse(a);
  return Date.parse(b) > aMs || Number.isNaN(aMs) ? b : a;
}
function definedProperties(values) {
  const defined = {};
  for (const key in values) {
    const value = values[key];
    if (value) defined[key] = value;
  }
  return defined;
}

export {
  interruptionOf,
  engineSuiteName,
  resultSuiteName,
  convertChaos,
  expectedResultNames
};
