// What the ChaosEngine CRD's schema makes the API server refuse (chaos-operator deploy/crds/
// chaosengine_crd.yaml, Litmus 3.x: patterns, required fields, probe durations as strings), and the
// fields Litmus reads, down into each experiment, its components and probes: checked offline so
// `validate` refuses what `run` would only learn in preflight, or not at all where the CRD keeps a
// misspelt field. The server stays the judge: this is the part of its schema known without it.
import * as z from 'zod';
import { isRecord } from '../is-record.ts';
import { expecting } from '../schema-issues.ts';
import { closestName } from '../suggest.ts';

const nonEmpty = z.string().min(1);
/**
 * The CRD's pattern, as choices (a message lists them beside the value given); it may be empty. `job`
 * only since Litmus 3.31's CRD: an older operator's server refuses it in preflight.
 */
const appkind = z.enum(['', 'deployment', 'statefulset', 'daemonset', 'deploymentconfig', 'rollout', 'job']);
/** Litmus 3 reads probe durations as Go durations in strings ("5s"); 2.x ints are refused. */
const durationText = z.string({ error: expecting('text such as "5s" (Litmus 3 refuses numbers here)') });

const probeRules = z.looseObject({
  name: z.string(),
  type: z.enum(['k8sProbe', 'httpProbe', 'cmdProbe', 'promProbe', 'sloProbe']),
  mode: z.enum(['SOT', 'EOT', 'Edge', 'Continuous', 'OnChaos']),
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
      operation: z.enum(['present', 'absent', 'create', 'delete']),
    })
    .optional(),
  'cmdProbe/inputs': z
    .looseObject({
      command: nonEmpty,
      comparator: z.looseObject({
        type: z.enum(['int', 'float', 'string']),
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
 * The fields Litmus reads in one object of an engine: each field, with the fields of the object (or of
 * each object of the list) it holds where those are checked too. A key a typo away from one of them is
 * refused: the server keeps it (under x-kubernetes-preserve-unknown-fields) or prunes it, and either way
 * Litmus runs as if it were not there. In a `closed` object any other key is refused too; the others
 * let it pass, since a newer Litmus may read it.
 */
interface KnownFields {
  readonly closed: boolean;
  readonly fields: ReadonlyMap<string, KnownFields | undefined>;
}

const knownFields =
  (closed: boolean) =>
  (names: string[], nested: Record<string, KnownFields> = {}): KnownFields => ({
    closed,
    fields: new Map<string, KnownFields | undefined>([
      ...names.map((name) => [name, undefined] as const),
      ...Object.entries(nested),
    ]),
  });
/** Settled fields: a Kubernetes type unchanged for years, or a Litmus object no release has changed. */
const closed = knownFields(true);
/** Fields that versions added or removed: all of them are known, and a later version may add more. */
const open = knownFields(false);

// The table is chaos-operator's chaosengine_types.go, every release from 0.6 to 3.18 (a field any of
// them reads is known), with the Kubernetes core/v1 types it embeds.
const keyRef = closed(['key', 'name', 'optional']);
const envVar = closed(['name', 'value'], {
  // Open: Kubernetes 1.34 added fileKeyRef.
  valueFrom: open([], {
    configMapKeyRef: keyRef,
    secretKeyRef: keyRef,
    fieldRef: closed(['apiVersion', 'fieldPath']),
    resourceFieldRef: closed(['containerName', 'divisor', 'resource']),
  }),
});
const toleration = closed(['effect', 'key', 'operator', 'tolerationSeconds', 'value']);
const imagePullSecret = closed(['name']);
const comparator = closed(['criteria', 'type', 'value']);
const configMap = closed(['data', 'mountPath', 'name']);
const secret = closed(['mountPath', 'name']);
// Open: Kubernetes 1.26 added claims.
const resources = open(['claims', 'limits', 'requests']);

const probeFields = open(['data', 'mode', 'name', 'operation' /* 1.9 to 1.13.0 */, 'type'], {
  runProperties: open([
    'attempt',
    'evaluationTimeout',
    'initialDelay',
    'initialDelaySeconds',
    'interval',
    'probePollingInterval',
    'probeTimeout',
    'retry',
    'stopOnFailure',
    'verbosity',
  ]),
  // command (an object) and expectedResult until 1.13.0
  'k8sProbe/inputs': open([
    'command',
    'expectedResult',
    'fieldSelector',
    'group',
    'labelSelector',
    'namespace',
    'operation',
    'resource',
    'resourceNames',
    'version',
  ]),
  'cmdProbe/inputs': open(['command', 'expectedResult' /* until 1.9 */], {
    comparator,
    // A string until 2.0.
    source: open(
      [
        'annotations',
        'args',
        'command',
        'hostNetwork',
        'image',
        'imagePullPolicy',
        'inheritInputs',
        'labels',
        'nodeSelector',
        'privileged',
        'volumeMount',
        'volumes',
      ],
      { env: envVar, imagePullSecrets: imagePullSecret, tolerations: toleration },
    ),
  }),
  // expectedResponseCode until 1.12, responseTimeout 1.13.2 to 2.13
  'httpProbe/inputs': open(['expectedResponseCode', 'insecureSkipVerify', 'responseTimeout', 'url'], {
    method: closed([], {
      get: closed(['criteria', 'responseCode']),
      post: closed(['body', 'bodyPath', 'contentType', 'criteria', 'responseCode']),
    }),
  }),
  'promProbe/inputs': open(['endpoint', 'query', 'queryPath'], { comparator }),
  'sloProbe/inputs': open(
    ['evaluationWindow', 'insecureSkipVerify', 'platformEndpoint', 'sloIdentifier', 'sloSourceMetadata'],
    { comparator },
  ),
});

const experimentFields = closed(['name'], {
  // rank until 3.7; probes by type (k8sProbe, cmdProbe, httpProbe) in 1.7 and 1.8.
  spec: open(['cmdProbe', 'httpProbe', 'k8sProbe', 'rank'], {
    // A list of name and value in 1.0.
    components: open(
      [
        'experimentAnnotations',
        'experimentannotation' /* 1.4 to 1.13.2 */,
        'experimentImage',
        'nodeSelector',
      ],
      {
        configMaps: configMap,
        env: envVar,
        experimentImagePullSecrets: imagePullSecret,
        resources,
        secrets: secret,
        statusCheckTimeouts: closed(['delay', 'timeout']),
        tolerations: toleration,
      },
    ),
    probe: probeFields,
  }),
});

// The chaos-runner pod, its sidecars (since 3.0) and, until 1.2, the chaos-exporter (monitor).
const engineComponentFields = open([], {
  monitor: closed(['image']),
  // args, command and imagePullPolicy since 1.2, runnerannotation 1.4 to 1.13.2, then runnerAnnotations.
  runner: open(
    [
      'args',
      'command',
      'image',
      'imagePullPolicy',
      'nodeSelector',
      'runnerAnnotations',
      'runnerannotation',
      'runnerLabels',
      'type',
    ],
    {
      configMaps: configMap,
      imagePullSecrets: imagePullSecret,
      resources,
      secrets: secret,
      tolerations: toleration,
    },
  ),
  // Closed: unchanged since 3.0 added it.
  sidecar: closed(['image', 'imagePullPolicy'], {
    env: envVar,
    envFrom: closed(['prefix'], {
      configMapRef: closed(['name', 'optional']),
      secretRef: closed(['name', 'optional']),
    }),
    secrets: secret,
  }),
});

const engineSpecFields = open(
  [
    'auxiliaryAppInfo',
    'chaosServiceAccount',
    'defaultHealthCheck',
    'engineState',
    'jobCleanUpPolicy',
    'terminationGracePeriodSeconds',
    // Read before 3.0 only.
    'annotationCheck',
    'chaosType',
    'defaultAppHealthCheck',
    'monitoring',
  ],
  {
    // Server-side apply drops a misspelt key here without a word, even with fieldValidation=Strict.
    appinfo: closed(['appkind', 'applabel', 'appns']),
    components: engineComponentFields,
    experiments: experimentFields,
    // Since 3.0, unchanged.
    selectors: closed([], {
      pods: closed(['names', 'namespace']),
      workloads: closed(['kind', 'labels', 'names', 'namespace']),
    }),
  },
);

/** Each key of `value` (an object, or each object of a list) that `known` does not allow, with its path. */
function* unknownFields(
  value: unknown,
  known: KnownFields,
  path: PropertyKey[],
): Generator<{ path: PropertyKey[]; message: string }> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* unknownFields(item, known, [...path, index]);
    return;
  }
  // Another type is the type rules' to refuse.
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (known.fields.has(key)) {
      const nested = known.fields.get(key);
      if (nested) yield* unknownFields(inner, nested, [...path, key]);
      continue;
    }
    const meant = closestName(key, [...known.fields.keys()]);
    if (meant || known.closed)
      yield {
        path: [...path, key],
        message: `unknown field${meant ? `; did you mean "${meant}"?` : ''} (Litmus would ignore it)`,
      };
  }
}

export const engineCrdRules = z.looseObject({
  spec: z
    .looseObject({
      engineState: z.enum(['active', 'stop']).optional(),
      jobCleanUpPolicy: z.enum(['delete', 'retain']).optional(),
      defaultHealthCheck: z.boolean().optional(),
      chaosServiceAccount: z.string().optional(),
      terminationGracePeriodSeconds: z.int().optional(),
      appinfo: z
        .looseObject({
          appkind: appkind.optional(),
          applabel: z.string().optional(),
          appns: z.string().optional(),
        })
        .optional(),
      selectors: selectorRules.optional(),
      components: z
        .looseObject({
          // `^(go)$` since Litmus 1.7 (1.0 to 1.6 also allowed the ansible runner, which 1.7 removed).
          runner: z.looseObject({ type: z.enum(['go']).optional() }).optional(),
        })
        .optional(),
      experiments: z
        .array(
          z.looseObject({
            name: z.string(),
            spec: z.looseObject({ probe: z.array(probeRules).optional() }).optional(),
          }),
        )
        .optional(),
    })
    .superRefine(
      (spec, ctx) => {
        for (const issue of unknownFields(spec, engineSpecFields, []))
          ctx.addIssue({ code: 'custom', ...issue });
      },
      // Also beside other problems: a misspelt required field (mdoe) is said to be missing, and meant.
      { when: ({ value }) => isRecord(value) },
    )
    .optional(),
});
