// The parts of LitmusChaos objects chaos-gate reads, after chaos-operator's Go types
// (api/litmuschaos/v1alpha1/chaosengine_types.go, chaosresult_types.go). Fields that changed between
// Litmus generations are all listed, each marked with the versions that write it.

import type { ObjectMeta } from '../kube/object-meta.ts';

export type { ObjectMeta };

export const litmusGroup = 'litmuschaos.io';
export const litmusVersion = 'v1alpha1';
export const litmusApiVersion = `${litmusGroup}/${litmusVersion}`;

export interface ProbeSpec {
  name: string;
  type: string;
  mode: string;
  runProperties?: Record<string, unknown>;
}

export interface EngineExperimentSpec {
  name: string;
  spec?: {
    components?: { env?: { name: string; value?: string }[] };
    probe?: ProbeSpec[];
  };
}

export interface EngineExperimentStatus {
  name?: string;
  runner?: string;
  experimentPod?: string;
  /** "Waiting for Job Creation", "Running", "Completed", "ChaosExperiment Not Found", "Forcefully Aborted", "Skipped". */
  status?: string;
  /** "N/A", "Awaited", or a copy of the result's verdict. */
  verdict?: string;
  lastUpdateTime?: string;
}

export interface ChaosEngine {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    engineState?: 'active' | 'stop';
    appinfo?: { appns?: string; applabel?: string; appkind?: string };
    chaosServiceAccount?: string;
    experiments?: EngineExperimentSpec[];
  };
  status?: {
    /** "initialized" → "completed" | "stopped". */
    engineStatus?: string;
    experiments?: EngineExperimentStatus[];
  };
}

/** 2.14 and later. */
export interface ProbeStatusEntry {
  name?: string;
  type?: string;
  mode?: string;
  status?: { verdict?: string; description?: string };
}

/** 2.0 to 2.13: status is a map of phase ("PreChaos", "PostChaos", or the mode) to an emoji string. */
export interface LegacyProbeStatusEntry {
  name?: string;
  type?: string;
  status?: Record<string, string>;
}

export interface ExperimentStatus {
  /** Running | Completed | Completed_With_Error | Completed_With_Probe_Failure | Stopped | Error */
  phase?: string;
  /** Pass | Fail | Stopped | Awaited | Error */
  verdict?: string;
  probeSuccessPercentage?: string;
  /** 2.x. */
  failStep?: string;
  /** 3.0.0-beta2 to beta4. */
  failureOutput?: { errorCode?: string; failedStep?: string };
  /** 3.0.0-beta5 and later. */
  errorOutput?: { errorCode?: string; reason?: string };
}

export interface ChaosResult {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: {
    engine?: string;
    experiment?: string;
    instance?: string;
    /** Litmus before 1.2 kept the status here, with lower-case values ("pass", "running"). */
    experimentstatus?: ExperimentStatus;
  };
  status?: {
    experimentStatus?: ExperimentStatus;
    /** Written by litmus-go before 1.13.3. */
    experimentstatus?: ExperimentStatus;
    probeStatuses?: ProbeStatusEntry[];
    probeStatus?: LegacyProbeStatusEntry[];
    history?: {
      passedRuns?: number;
      failedRuns?: number;
      stoppedRuns?: number;
      targets?: { name?: string; kind?: string; chaosStatus?: string }[];
    };
  };
}

/** The ChaosResult an engine's experiment writes: `<engine>-<experiment>`. */
export function resultName(engine: string, experiment: string): string {
  return `${engine}-${experiment}`;
}
