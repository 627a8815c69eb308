// The one configuration model behind the config file, the CLI flags and the action inputs.
import * as z from 'zod';
import { loadSchema } from '../load/schema.ts';
import { runDuration } from './duration.ts';
import { percentage } from './percent.ts';
import { expecting } from '../schema-issues.ts';

const fileList = z
  .union([z.string(), z.array(z.string())], { error: expecting('a file path or a list of file paths') })
  .transform((v) => (Array.isArray(v) ? v : [v]));
const textList = fileList;

const rfc1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A name that becomes a label value or part of a suite name: a lowercase DNS label of `max` characters. */
const dnsLabel = (max: number) =>
  z
    .string()
    .regex(rfc1123Label, { error: expecting('a lowercase DNS label (a-z, 0-9, -)') })
    .max(max);

/** A namespace as Kubernetes names it (an RFC 1123 label): `Shop_1` would only fail at the server, or never match. */
const namespaceName = z
  .string()
  .max(63, { error: expecting('a namespace name (at most 63 characters)') })
  .regex(rfc1123Label, {
    error: expecting('a namespace name (lowercase a-z, 0-9 and -)'),
  });

/**
 * A (Cluster)WorkflowTemplate's name in the cluster (an RFC 1123 subdomain). A file's path given for it
 * (`templates/wt.yaml`) would pass validate and only be "not found" once connected.
 */
const templateName = z
  .string()
  .max(253, { error: expecting('a template name (at most 253 characters)') })
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, {
    error: expecting('the name of a template in the cluster (lowercase a-z, 0-9, - and .), not a file path'),
  });

/** One cluster the gate runs on, when it runs on several. */
export const targetSchema = z.strictObject({
  /** Names the cluster's suites (`<name>/<namespace>/<engine>`) and its log lines. */
  name: dnsLabel(20),
  kubeconfig: z.string().optional(),
  context: z.string().optional(),
  namespace: namespaceName.optional(),
});

const gateSchema = z.strictObject({
  failOnFailure: z.boolean().optional(),
  minProbeSuccess: percentage.optional(),
  // What a case is matched by: one to three names, so a typo like `a/b/c/d` is refused, not silently inert.
  allowFailures: z
    .array(
      z.string().regex(/^[^/\s]+(?:\/[^/\s]+){0,2}$/, {
        error: expecting('experiment, engine/experiment or namespace/engine/experiment'),
      }),
    )
    .optional(),
  stopped: z.enum(['fail', 'skip']).optional(),
  timeouts: z.enum(['fail', 'skip']).optional(),
});

const reportsSchema = z.strictObject({
  junit: z.string().optional(),
  json: z.string().optional(),
  html: z.string().optional(),
  summary: z.string().optional(),
  /** Per-case properties in the JUnit, for Jenkins' junit keepProperties (not valid for junit-10.xsd). */
  junitCaseProperties: z.boolean().optional(),
});

/** What `merge` checks of the reports it joins. */
const mergeSchema = z.strictObject({
  /** How many reports, one a job: a job that wrote none would leave a gate over the others only. */
  expect: z.number().int().min(1).optional(),
});

export const workflowSchema = z
  .strictObject({
    file: z.string().optional(),
    template: templateName.optional(),
    clusterTemplate: templateName.optional(),
    parameters: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
      .optional(),
    namespace: namespaceName.optional(),
    shutdown: z.enum(['Stop', 'Terminate']).optional(),
  })
  .superRefine((w, ctx) => {
    // Named at the second one given, so the message names a flag or input, not the whole section.
    const given = (['file', 'template', 'clusterTemplate'] as const).filter((key) => w[key]);
    const [, second] = given;
    if (second)
      ctx.addIssue({
        code: 'custom',
        path: [second],
        message: 'give one workflow: a file, a WorkflowTemplate or a ClusterWorkflowTemplate, not two',
      });
  });

export const configSchema = z.strictObject({
  /** A list (repeated flags) runs the gate on each kubeconfig, as targets do. */
  kubeconfig: fileList.optional(),
  /** A list (repeated flags) runs the gate on each context, as targets do. */
  context: textList.optional(),
  targets: z
    .array(targetSchema)
    .min(1)
    .superRefine((targets, ctx) => {
      const names = targets.map((t) => t.name);
      const twice = names.find((name, i) => names.indexOf(name) !== i);
      if (twice)
        ctx.addIssue({
          code: 'custom',
          message: `the name "${twice}" is given twice; each target needs its own`,
        });
    })
    .optional(),
  parallelTargets: z.number().int().min(1).max(50).optional(),
  inCluster: z.boolean().optional(),
  namespace: namespaceName.optional(),
  rbac: fileList.optional(),
  experiments: fileList.optional(),
  engines: fileList.optional(),
  timeout: runDuration.optional(),
  stopTimeout: runDuration.optional(),
  allowNamespaces: z.array(namespaceName).min(1).optional(),
  allowClusterScoped: z.boolean().optional(),
  cleanup: z.enum(['always', 'on-success', 'never']).optional(),
  runId: dnsLabel(40).optional(),
  label: dnsLabel(40).optional(),
  reports: reportsSchema.optional(),
  gate: gateSchema.optional(),
  merge: mergeSchema.optional(),
  workflow: workflowSchema.optional(),
  load: loadSchema.optional(),
  ctkJournals: fileList.optional(),
});

/** One source's settings, as parsed: every field optional, durations in ms. */
export type PartialConfig = z.output<typeof configSchema>;
