// Reads and merges configuration layers (config file, then flags or action inputs) into one validated
// GateConfig. Every error names where the bad value came from and its field.
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { isRecord } from '../is-record.ts';
import { readInputFile } from '../files.ts';
import { describeIssues, fieldPath, plainWords } from '../schema-issues.ts';
import { documentValue, userYaml } from '../yaml-value.ts';
import { defaultPolicy, type GatePolicy } from '../gate/policy.ts';
import type { WorkflowSource } from '../argo/submit.ts';
import type { LoadConfig } from '../load/schema.ts';
import { settingName as nameOfSetting } from './fields.ts';
import { configSchema, type PartialConfig, type targetSchema } from './schema.ts';

/**
 * A run mostly waits on watches, so clusters cost little at once: 10 measured 6.7 s and 128 MB against
 * 6.0 s and 103 MB for one (bench/cluster-scale.ts). Past the limit, clusters take turns, each turn a
 * whole chaos run.
 */
const defaultParallelTargets = 10;

export type CleanupPolicy = 'always' | 'on-success' | 'never';

/** A cluster the gate runs on, when it runs on several; unset fields come from the top level. */
export type Target = z.output<typeof targetSchema>;

export interface GateConfig {
  /** The config file the settings were read from, if any. */
  configFile?: string;
  kubeconfig?: string;
  context?: string;
  /** Several clusters, each run in parallel (at most `parallelTargets` at once); empty: one cluster. */
  targets: Target[];
  parallelTargets: number;
  inCluster: boolean;
  namespace?: string;
  rbac: string[];
  experiments: string[];
  engines: string[];
  timeoutMs: number;
  /** How long stopping the chaos (and then cleaning up) may take after a timeout, cancel or error. */
  stopTimeoutMs: number;
  cleanup: CleanupPolicy;
  /** Namespaces the run may reach; undefined: the target namespace only. */
  allowNamespaces?: string[];
  /** Cluster-scoped objects and Secrets in the RBAC files. */
  allowClusterScoped: boolean;
  runId?: string;
  /** The job's name in a merged report: its suites are named after it (default: the run id). */
  label?: string;
  reports: {
    junit?: string;
    json?: string;
    html?: string;
    summary?: string;
    junitCaseProperties?: boolean;
  };
  gate: GatePolicy;
  /** What `merge` checks of the reports it joins. */
  merge: { expect?: number };
  /** An Argo Workflow to submit (or, for `report`, a recorded one to convert). */
  workflow?: WorkflowSource;
  /** A load test to run next to the chaos (or, for `report`, the thresholds for its results). */
  load?: LoadConfig;
  /** Chaos Toolkit journals to report. */
  ctkJournals: string[];
}

const defaultTimeoutMs = 30 * 60_000;
const defaultStopTimeoutMs = 5 * 60_000;

/**
 * Validates one layer of settings. `origin` names it in errors ("chaos-gate.yaml", "command line");
 * `label` turns a field path into what the user typed there (a flag or an input name).
 */
export function parseSettings(
  raw: unknown,
  origin: string,
  label: (field: string) => string = (f) => f,
): PartialConfig {
  const result = configSchema.safeParse(raw ?? {}, plainWords);
  if (!result.success)
    throw new ConfigError(
      describeIssues(origin, result.error, (path) => settingName(path, label)).join('\n'),
    );
  return result.data;
}

/** Reads a config file; relative paths in it are taken relative to the file's folder. */
export function readConfigFile(file: string): PartialConfig {
  const text = readInputFile(file, 'config file');
  const documents = parseAllDocuments(text, userYaml);
  if (Array.isArray(documents) && documents.length === 0)
    throw new ConfigError(`${file}: holds no settings (the file is empty or only comments)`);
  if (!Array.isArray(documents) || documents.length !== 1) {
    throw new ConfigError(`${file}: expected exactly one YAML document`);
  }
  const [document] = documents;
  const problem = document?.errors[0];
  if (problem) throw new ConfigError(`${file}: invalid YAML: ${problem.message}`);
  const value = document && documentValue(document, file);
  if (value === null || value === undefined)
    throw new ConfigError(`${file}: holds no settings (the file is empty or only comments)`);
  // A manifest given as the config (`--config engine.yaml`) would be told its apiVersion is unknown.
  if (isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string')
    throw new ConfigError(
      `${file}: a Kubernetes ${value.kind}, not a chaos-gate config file; a config file names manifests under engines, rbac or experiments`,
    );
  const settings = parseSettings(value, file);
  return resolvePaths(settings, path.dirname(path.resolve(file)));
}

function resolvePaths(settings: PartialConfig, base: string): PartialConfig {
  const resolveAll = (files: string[] | undefined) => files?.map((f) => path.resolve(base, f));
  const resolveOne = (file: string | undefined) =>
    file === undefined ? undefined : path.resolve(base, file);
  return {
    ...settings,
    kubeconfig: resolveAll(settings.kubeconfig),
    targets: settings.targets?.map((target) => ({ ...target, kubeconfig: resolveOne(target.kubeconfig) })),
    rbac: resolveAll(settings.rbac),
    experiments: resolveAll(settings.experiments),
    engines: resolveAll(settings.engines),
    workflow: settings.workflow && { ...settings.workflow, file: resolveOne(settings.workflow.file) },
    ctkJournals: resolveAll(settings.ctkJournals),
    load: settings.load && {
      ...settings.load,
      cwd: path.resolve(base, settings.load.cwd ?? '.'),
      results: Object.fromEntries(Object.entries(settings.load.results).map(([k, v]) => [k, resolveOne(v)])),
    },
    reports: settings.reports && {
      junit: resolveOne(settings.reports.junit),
      json: resolveOne(settings.reports.json),
      html: resolveOne(settings.reports.html),
      summary: resolveOne(settings.reports.summary),
      junitCaseProperties: settings.reports.junitCaseProperties,
    },
  };
}

/** The configuration a front runs with: its own defaults, then the config file, then its flags or inputs. */
export function loadConfig(
  configFile: string | undefined,
  layer: PartialConfig,
  defaults: PartialConfig = {},
): GateConfig {
  const config = resolveConfig(defaults, ...(configFile ? [readConfigFile(configFile)] : []), layer);
  return configFile ? { ...config, configFile } : config;
}

/** Merges layers, later ones winning field by field, and fills in the defaults. */
export function resolveConfig(...layers: PartialConfig[]): GateConfig {
  const pick = <K extends keyof PartialConfig>(key: K): PartialConfig[K] =>
    layers.reduce<PartialConfig[K]>((value, layer) => layer[key] ?? value, undefined);
  const reports = Object.assign({}, ...layers.map((l) => definedOnly(l.reports ?? {})));
  const gate = Object.assign({}, ...layers.map((l) => definedOnly(l.gate ?? {})));
  const merge = Object.assign({}, ...layers.map((l) => definedOnly(l.merge ?? {})));
  const workflow: PartialConfig['workflow'] = Object.assign(
    {},
    ...layers.map((l) => definedOnly(l.workflow ?? {})).map(oneWorkflowChoice),
  );
  const kubeconfigs = pick('kubeconfig') ?? [];
  const contexts = pick('context') ?? [];
  refuseTwoClusterLists(pick('targets'), kubeconfigs, contexts);
  return checkTargets({
    kubeconfig: kubeconfigs.length === 1 ? kubeconfigs[0] : undefined,
    context: contexts.length === 1 ? contexts[0] : undefined,
    targets: pick('targets') ?? targetsOf(kubeconfigs, contexts),
    parallelTargets: pick('parallelTargets') ?? defaultParallelTargets,
    inCluster: pick('inCluster') ?? false,
    namespace: pick('namespace'),
    rbac: pick('rbac') ?? [],
    experiments: pick('experiments') ?? [],
    engines: pick('engines') ?? [],
    timeoutMs: pick('timeout') ?? defaultTimeoutMs,
    stopTimeoutMs: pick('stopTimeout') ?? defaultStopTimeoutMs,
    cleanup: pick('cleanup') ?? 'always',
    allowNamespaces: pick('allowNamespaces'),
    allowClusterScoped: pick('allowClusterScoped') ?? false,
    runId: pick('runId'),
    label: pick('label'),
    reports,
    gate: { ...defaultPolicy, ...gate },
    merge,
    workflow: toWorkflowSource(workflow),
    load: pick('load'),
    ctkJournals: pick('ctkJournals') ?? [],
  });
}

/**
 * What several clusters cannot share: one load test run against all of them. (A target name given twice
 * is refused by the config file's schema; names made from contexts or files are made unique.)
 */
function checkTargets(config: GateConfig): GateConfig {
  if (config.targets.length > 0 && config.load) {
    throw new ConfigError(
      'load: a load test runs beside the chaos of one cluster; with several targets, run one job per cluster and join their reports with chaos-gate merge',
    );
  }
  return config;
}

/**
 * `targets` and repeated --context or --kubeconfig each list the clusters: one would be dropped without
 * a word (the flags, or the file's targets with their namespaces), so which to run on is not guessed.
 */
function refuseTwoClusterLists(
  targets: Target[] | undefined,
  kubeconfigs: string[],
  contexts: string[],
): void {
  const several = [
    ...(contexts.length > 1 ? [`${contexts.length} contexts (${nameOfSetting('context')})`] : []),
    ...(kubeconfigs.length > 1 ? [`${kubeconfigs.length} kubeconfigs (${nameOfSetting('kubeconfig')})`] : []),
  ];
  if (targets && several.length > 0)
    throw new ConfigError(
      `targets (the config file) and ${several.join(' and ')} both list the clusters to run on: give one of them`,
    );
}

/** Repeated --kubeconfig or --context: one target each (paired in order when both are repeated). */
function targetsOf(kubeconfigs: string[], contexts: string[]): Target[] {
  if (kubeconfigs.length <= 1 && contexts.length <= 1) return [];
  if (kubeconfigs.length > 1 && contexts.length > 1 && kubeconfigs.length !== contexts.length) {
    throw new ConfigError(
      `${kubeconfigs.length} kubeconfigs and ${contexts.length} contexts: give one of them once, or both as many times (they pair in order)`,
    );
  }
  const count = Math.max(kubeconfigs.length, contexts.length);
  const names = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const kubeconfig = kubeconfigs[i] ?? kubeconfigs[0];
    const context = contexts[i] ?? contexts[0];
    return {
      name: uniqueName(context ?? path.basename(kubeconfig ?? '', path.extname(kubeconfig ?? '')), names),
      kubeconfig,
      context,
    };
  });
}

/** A target name from a context or file name: a lowercase DNS label, made unique with a number. */
function uniqueName(from: string, taken: Set<string>): string {
  const base =
    from
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 16) || 'cluster';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

function toWorkflowSource(workflow: PartialConfig['workflow']): WorkflowSource | undefined {
  if (!workflow) return undefined;
  const template = workflow.template ?? workflow.clusterTemplate;
  if (!workflow.file && !template) return undefined;
  return {
    file: workflow.file,
    template: template ? { name: template, clusterScope: !workflow.template } : undefined,
    parameters: workflow.parameters ?? {},
    namespace: workflow.namespace,
    shutdown: workflow.shutdown ?? 'Stop',
  };
}

/**
 * A file, a template and a cluster template are one choice: a layer that makes it (a flag over the
 * config file) replaces the earlier one's, which would otherwise win over it (the file over a template).
 */
function oneWorkflowChoice(
  layer: Partial<NonNullable<PartialConfig['workflow']>>,
): Partial<NonNullable<PartialConfig['workflow']>> {
  const chosen = layer.file ?? layer.template ?? layer.clusterTemplate;
  return chosen === undefined
    ? layer
    : { file: undefined, template: undefined, clusterTemplate: undefined, ...layer };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A setting as the user gave it: `targets[0].namespace` inside a list item; an item of a list setting by
 * its setting (a flag on the command line): `--allow-failure[1]`.
 */
function settingName(path: PropertyKey[], label: (field: string) => string): string {
  const names = path.filter((p) => typeof p !== 'number').map(String);
  const index = path.find((p) => typeof p === 'number');
  if (names.length === 0) return '(top level)';
  if (index !== undefined && path.at(-1) !== index) return fieldPath(path);
  return `${label(names.join('.'))}${index === undefined ? '' : `[${index}]`}`;
}
