// The parts of LitmusChaos objects chaos-gate reads, after chaos-operator's Go types
// (api/litmuschaos/v1alpha1/chaosengine_types.go, chaosresult_types.go), as schemas: objects read from
// files are checked against them, so a wrong shape is refused with the field named instead of
// crashing the converter or silently dropping probes. Fields that changed between Litmus generations
// are all listed, each marked with the versions that write it. Unknown fields are kept.
import * as z from 'zod';
import { objectMetaSchema, type ObjectMeta } from '../kube/object-meta.ts';
import { parseShape } from '../kube/shape.ts';
import { describeIssues } from '../schema-issues.ts';

export type { ObjectMeta };

export const litmusGroup = 'litmuschaos.io';
export const litmusVersion = 'v1alpha1';

const text = z.string();

const probeSpecSchema = z.looseObject({
  name: text,
  type: text,
  mode: text,
  runProperties: z.record(z.string(), z.unknown()).optional(),
});
export type ProbeSpec = z.output<typeof probeSpecSchema>;

const engineExperimentSpecSchema = z.looseObject({
  name: text,
  spec: z
    .looseObject({
      components: z
        .looseObject({
          env: z.array(z.looseObject({ name: text, value: text.optional() })).optional(),
        })
        .optional(),
      probe: z.array(probeSpecSchema).optional(),
    })
    .optional(),
});
export type EngineExperimentSpec = z.output<typeof engineExperimentSpecSchema>;

const engineExperimentStatusSchema = z.looseObject({
  name: text.optional(),
  runner: text.optional(),
  experimentPod: text.optional(),
  /** "Waiting for Job Creation", "Running", "Completed", "ChaosExperiment Not Found", "Forcefully Aborted", "Skipped". */
  status: text.optional(),
  /** "N/A", "Awaited", or a copy of the result's verdict. */
  verdict: text.optional(),
  lastUpdateTime: text.optional(),
});
export type EngineExperimentStatus = z.output<typeof engineExperimentStatusSchema>;

export const chaosEngineSchema = z.looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      engineState: z.enum(['active', 'stop']).optional(),
      appinfo: z
        .looseObject({ appns: text.optional(), applabel: text.optional(), appkind: text.optional() })
        .optional(),
      /** 3.0 and later: the targets by workload or pod. */
      selectors: z
        .looseObject({
          workloads: z.array(z.looseObject({ kind: text.optional(), namespace: text.optional() })).optional(),
          pods: z.array(z.looseObject({ namespace: text.optional() })).optional(),
        })
        .optional(),
      chaosServiceAccount: text.optional(),
      experiments: z.array(engineExperimentSpecSchema).optional(),
    })
    .optional(),
  status: z
    .looseObject({
      /** "initialized" → "completed" | "stopped". */
      engineStatus: text.optional(),
      experiments: z.array(engineExperimentStatusSchema).optional(),
    })
    .optional(),
});
export type ChaosEngine = z.output<typeof chaosEngineSchema>;

/** 2.14 and later. */
const probeStatusEntrySchema = z.looseObject({
  name: text.optional(),
  type: text.optional(),
  mode: text.optional(),
  status: z.looseObject({ verdict: text.optional(), description: text.optional() }).optional(),
});
export type ProbeStatusEntry = z.output<typeof probeStatusEntrySchema>;

/** 2.0 to 2.13: status is a map of phase ("PreChaos", "PostChaos", or the mode) to an emoji string. */
const legacyProbeStatusEntrySchema = z.looseObject({
  name: text.optional(),
  type: text.optional(),
  status: z.record(z.string(), z.string()).optional(),
});
export type LegacyProbeStatusEntry = z.output<typeof legacyProbeStatusEntrySchema>;

const experimentStatusSchema = z.looseObject({
  /** Running | Completed | Completed_With_Error | Completed_With_Probe_Failure | Stopped | Error */
  phase: text.optional(),
  /** Pass | Fail | Stopped | Awaited | Error */
  verdict: text.optional(),
  /** A string ("100", "Awaited"); some writers put a number. */
  probeSuccessPercentage: z.union([text, z.number().transform(String)]).optional(),
  /** 2.x. */
  failStep: text.optional(),
  /** 3.0.0-beta2 to beta4. */
  failureOutput: z.looseObject({ errorCode: text.optional(), failedStep: text.optional() }).optional(),
  /** 3.0.0-beta5 and later. */
  errorOutput: z.looseObject({ errorCode: text.optional(), reason: text.optional() }).optional(),
});
export type ExperimentStatus = z.output<typeof experimentStatusSchema>;

const count = z.number().int().nonnegative();

export const chaosResultSchema = z.looseObject({
  apiVersion: text.optional(),
  kind: text.optional(),
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      engine: text.optional(),
      experiment: text.optional(),
      instance: text.optional(),
      /** Litmus before 1.2 kept the status here, with lower-case values ("pass", "running"). */
      experimentstatus: experimentStatusSchema.optional(),
    })
    .optional(),
  status: z
    .looseObject({
      experimentStatus: experimentStatusSchema.optional(),
      /** Written by litmus-go before 1.13.3. */
      experimentstatus: experimentStatusSchema.optional(),
      probeStatuses: z.array(probeStatusEntrySchema).optional(),
      probeStatus: z.array(legacyProbeStatusEntrySchema).optional(),
      history: z
        .looseObject({
          passedRuns: count.optional(),
          failedRuns: count.optional(),
          stoppedRuns: count.optional(),
          targets: z
            .array(
              z.looseObject({ name: text.optional(), kind: text.optional(), chaosStatus: text.optional() }),
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
});
export type ChaosResult = z.output<typeof chaosResultSchema>;

/**
 * What is wrong with a live engine, each problem naming the engine and the field
 * (`ChaosEngine ns/x: field status.experiments: expected a list, got a mapping`); undefined when it
 * has the shape the converter and the wait read. The API server leaves its status unchecked (the CRD
 * does, as upstream's does), so anything may be written there. A file's engines are checked as read.
 */
export function engineProblem(engine: ChaosEngine): string | undefined {
  const parsed = parseShape(chaosEngineSchema, engine);
  if (parsed.success) return undefined;
  const { namespace = '', name = '' } = engine.metadata;
  return describeIssues(`ChaosEngine ${namespace}/${name}`, parsed.error).join('\n');
}

/** The ChaosResult an engine's experiment writes: `<engine>-<experiment>`. */
export function resultName(engine: string, experiment: string): string {
  return `${engine}-${experiment}`;
}

/**
 * Live results the converter can read. ChaosResult has no schema on the server (any experiment image
 * may write it): one of the wrong shape is left out with a warning naming the field, so its experiment
 * shows no verdict instead of the conversion failing.
 */
export function readableResults(results: unknown[], warn: (line: string) => void): ChaosResult[] {
  return results.flatMap((result) => {
    const parsed = parseShape(chaosResultSchema, result);
    if (parsed.success) return [parsed.data];
    const { namespace = '', name = '' } =
      (result as { metadata?: { namespace?: string; name?: string } }).metadata ?? {};
    for (const line of describeIssues(`ChaosResult ${namespace}/${name} is left out`, parsed.error))
      warn(line);
    return [];
  });
}
