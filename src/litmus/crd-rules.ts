// What the ChaosEngine CRD's schema makes the API server refuse (chaos-operator deploy/crds/
// chaosengine_crd.yaml, Litmus 3.x: patterns, required fields, probe durations as strings, and the
// fields appinfo may have), checked offline so `validate` refuses what `run` would only learn in
// preflight. The server stays the judge: this is the part of its schema that can be known without it.
import * as z from 'zod';
import { closestName } from '../suggest.ts';

const oneOf = (values: string[]) =>
  z.string().regex(new RegExp(`^(${values.join('|')})$`), `must be one of ${values.join(', ')}`);
const nonEmpty = z.string().min(1, 'must not be empty');
const appkind = z
  .string()
  .regex(
    /^(|deployment|statefulset|daemonset|deploymentconfig|rollout)$/,
    'must be one of deployment, statefulset, daemonset, deploymentconfig, rollout',
  );
/** Litmus 3 reads probe durations as Go durations in strings ("5s"); 2.x ints are refused. */
const durationText = z.string({ error: 'must be a string such as "5s" (Litmus 3 refuses numbers here)' });

const probeRules = z.looseObject({
  name: z.string(),
  type: oneOf(['k8sProbe', 'httpProbe', 'cmdProbe', 'promProbe', 'sloProbe']),
  mode: oneOf(['SOT', 'EOT', 'Edge', 'Continuous', 'OnChaos']),
  runProperties: z.looseObject({
    probeTimeout: durationText,
    interval: durationText,
    evaluationTimeout: durationText.optional(),
    probePollingInterval: durationText.optional(),
    initialDelay: durationText.optional(),
    retry: z.int().optional(),
    attempt: z.int().optional(),
    initialDelaySeconds: z.int().optional(),
    verbosity: z.string().optional(),
    stopOnFailure: z.boolean().optional(),
  }),
  'k8sProbe/inputs': z
    .looseObject({
      version: z.string(),
      resource: z.string(),
      operation: oneOf(['present', 'absent', 'create', 'delete']),
    })
    .optional(),
  'cmdProbe/inputs': z
    .looseObject({
      command: nonEmpty,
      comparator: z.looseObject({
        type: oneOf(['int', 'float', 'string']),
        criteria: z.string(),
        value: z.string(),
      }),
    })
    .optional(),
  'httpProbe/inputs': z
    .looseObject({
      url: nonEmpty,
      method: z
        .looseObject({
          get: z.looseObject({ criteria: nonEmpty, responseCode: nonEmpty }).optional(),
          post: z.looseObject({ criteria: nonEmpty, responseCode: nonEmpty }).optional(),
        })
        .refine((method) => Object.keys(method).length > 0, 'needs get or post'),
    })
    .optional(),
  'promProbe/inputs': z
    .looseObject({
      endpoint: z.string(),
      comparator: z.looseObject({ criteria: z.string(), value: z.string() }),
    })
    .optional(),
});

/** Litmus 3 targets: workloads by kind and names or labels, or pods by names, each in a namespace. */
const selectorRules = z
  .looseObject({
    workloads: z
      .array(
        z
          .looseObject({
            kind: appkind,
            namespace: z.string(),
            names: z.string().optional(),
            labels: z.string().optional(),
          })
          .refine(
            (w) => (w.names === undefined) !== (w.labels === undefined),
            'needs names or labels, not both',
          ),
      )
      .optional(),
    pods: z.array(z.looseObject({ names: z.string(), namespace: z.string() })).optional(),
  })
  .refine((s) => (s.workloads === undefined) !== (s.pods === undefined), 'needs workloads or pods, not both');

/**
 * The ChaosEngine spec fields Litmus reads (its CRD, 1.x to 3.x). The CRD keeps any other field under
 * spec, so a misspelt one (appInfo, enginestate) is stored and ignored: the engine would run without
 * its target. A field that is a typo away from one of these is refused; others (a newer Litmus's) pass.
 */
const engineSpecFields = [
  'appinfo',
  'auxiliaryAppInfo',
  'chaosServiceAccount',
  'components',
  'defaultHealthCheck',
  'engineState',
  'experiments',
  'jobCleanUpPolicy',
  'selectors',
  'terminationGracePeriodSeconds',
  'annotationCheck',
  'monitoring',
];

function refuseMisspeltSpecFields(spec: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const key of Object.keys(spec)) {
    if (engineSpecFields.includes(key)) continue;
    const meant = closestName(key, engineSpecFields);
    if (meant)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `unknown field; did you mean "${meant}"? (Litmus would ignore it)`,
      });
  }
}

export const engineCrdRules = z.looseObject({
  spec: z
    .looseObject({
      engineState: oneOf(['active', 'stop']).optional(),
      jobCleanUpPolicy: oneOf(['delete', 'retain']).optional(),
      defaultHealthCheck: z.boolean().optional(),
      chaosServiceAccount: z.string().optional(),
      terminationGracePeriodSeconds: z.int().optional(),
      // The CRD keeps unknown fields under spec but not in appinfo: a misspelt key (appLabel) is
      // dropped, silently under server-side apply even with fieldValidation=Strict, and the engine
      // runs without its target label.
      appinfo: z
        .strictObject({
          appkind: appkind.optional(),
          applabel: z.string().optional(),
          appns: z.string().optional(),
        })
        .optional(),
      selectors: selectorRules.optional(),
      experiments: z
        .array(
          z.looseObject({
            name: z.string(),
            spec: z.looseObject({ probe: z.array(probeRules).optional() }).optional(),
          }),
        )
        .optional(),
    })
    .superRefine(refuseMisspeltSpecFields)
    .optional(),
});
