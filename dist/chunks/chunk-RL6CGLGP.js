#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  isClusterScopedKind,
  readWorkflow,
  workflowName,
  workflowSource
} from "./chunk-SB6IFH6Q.js";
import {
  metadataProblems
} from "./chunk-WKLY2BNK.js";
import {
  RunWarnings
} from "./chunk-SQNS6QL3.js";
import {
  duplicateProblems,
  readManifests
} from "./chunk-6S4KZUTS.js";
import {
  reportPathProblems
} from "./chunk-WBMP6CCB.js";
import {
  isRecord
} from "./chunk-5L5Z5RRO.js";
import {
  NoClusterAccessError,
  kubeconfigSource
} from "./chunk-X4QZAPBZ.js";
import {
  configFileName,
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  _enum,
  array,
  boolean,
  closestName,
  describeIssues,
  displayUrl,
  expecting,
  int,
  looseObject,
  plainWords,
  strictObject,
  string,
  unknown
} from "./chunk-LFKR3ZVH.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-A2VFD3MS.js";

// src/argo/template-calls.ts
function specOf(spec, under = {}) {
  if (!isRecord(spec)) return { templates: /* @__PURE__ */ new Map(), own: [] };
  const over = isRecord(under) ? under : {};
  const overHooks = isRecord(over.hooks) ? over.hooks : {};
  const hooks = isRecord(spec.hooks) ? spec.hooks : {};
  const left = {
    entrypoint: over.entrypoint ? void 0 : spec.entrypoint,
    onExit: over.onExit ? void 0 : spec.onExit,
    hooks: Object.fromEntries(Object.entries(hooks).filter(([event]) => !(event in overHooks)))
  };
  return {
    templates: templatesOf(spec),
    own: [...callOf("spec.entrypoint", { template: left.entrypoint }), ...hookCalls("spec", left)]
  };
}
function templatesOf(spec) {
  const templates = Array.isArray(spec.templates) ? spec.templates : [];
  return new Map(
    templates.filter(isRecord).flatMap((t) => typeof t.name === "string" ? [[t.name, t]] : [])
  );
}
function callsOf(name, template) {
  return callsWithin(`templates.${name}`, template, /* @__PURE__ */ new Set());
}
function callsWithin(at, template, within) {
  if (within.has(template)) return [];
  const inside = /* @__PURE__ */ new Set([...within, template]);
  const steps = Array.isArray(template.steps) ? template.steps : [];
  const tasks = isRecord(template.dag) && Array.isArray(template.dag.tasks) ? template.dag.tasks : [];
  const placed = [
    ...steps.flatMap(
      (group, i) => (Array.isArray(group) ? group : []).map((step) => [`${at}.steps[${i}]`, step])
    ),
    ...tasks.map((task) => [`${at}.tasks`, task])
  ];
  return placed.flatMap(([where, item]) => {
    if (!isRecord(item)) return [];
    const path = `${where}.${String(item.name)}`;
    const inline = isRecord(item.inline) ? callsWithin(`${path}.inline`, item.inline, inside) : [];
    return [...callOf(path, item), ...hookCalls(path, item), ...inline];
  });
}
function hookCalls(path, holder) {
  const hooks = isRecord(holder.hooks) ? Object.entries(holder.hooks) : [];
  return [
    ...callOf(`${path}.onExit`, { template: holder.onExit }),
    ...hooks.flatMap(([event, hook]) => isRecord(hook) ? callOf(`${path}.hooks.${event}`, hook) : [])
  ];
}
function callOf(path, holder) {
  const ref = holder.templateRef;
  if (!isRecord(ref)) return checkable(holder.template) ? [{ path, template: holder.template }] : [];
  if (!checkable(ref.name) || !checkable(ref.template)) return [];
  return [{ path, template: ref.template, ref: { name: ref.name, clusterScope: ref.clusterScope === true } }];
}
var checkable = (name) => typeof name === "string" && name !== "" && !name.includes("{{");
function undefinedTemplateProblems(workflow, source) {
  const { spec } = workflow;
  const templateList = Array.isArray(spec.templates) ? spec.templates : [];
  if (spec.workflowTemplateRef)
    return templateList.length > 0 ? [
      `${source}: spec.templates: a workflow that runs a WorkflowTemplate (spec.workflowTemplateRef) cannot have templates of its own; the controller would fail it: move them into the WorkflowTemplate`
    ] : [];
  if (!spec.entrypoint)
    return [`${source}: spec.entrypoint: required: the controller would fail the workflow without it`];
  const { templates, own } = specOf(spec);
  const names = [...templates.keys()];
  return [...own, ...[...templates].flatMap(([name, template]) => callsOf(name, template))].filter((call) => !call.ref && !templates.has(call.template)).map((call) => `${source}: ${call.path}: the workflow ${noTemplate(call.template, names)}`);
}
function noTemplate(template, names) {
  const near = closestName(template, names);
  return `has no template "${template}"; ` + (near ? `did you mean "${near}"?` : `it has ${names.map((n) => `"${n}"`).join(", ") || "none"}`);
}

// src/kube/rbac-rules.ts
var any = unknown().optional();
var only = (...names) => strictObject(Object.fromEntries(names.map((name) => [name, any])));
var listOf = (item) => array(item).nullish();
var object = { apiVersion: any, kind: any, metadata: any };
var rules = listOf(only("apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"));
var binding = strictObject({
  ...object,
  subjects: listOf(only("kind", "apiGroup", "name", "namespace")),
  roleRef: only("apiGroup", "kind", "name").nullish()
});
var rbacRules = {
  "v1 ServiceAccount": strictObject({
    ...object,
    secrets: any,
    imagePullSecrets: any,
    automountServiceAccountToken: any
  }),
  "rbac.authorization.k8s.io/v1 Role": strictObject({ ...object, rules }),
  "rbac.authorization.k8s.io/v1 ClusterRole": strictObject({
    ...object,
    rules,
    aggregationRule: any
  }),
  "rbac.authorization.k8s.io/v1 RoleBinding": binding,
  "rbac.authorization.k8s.io/v1 ClusterRoleBinding": binding
};
function rbacFieldRules(object2) {
  return rbacRules[`${object2.apiVersion ?? ""} ${object2.kind ?? ""}`];
}

// src/litmus/crd-rules.ts
var nonEmpty = string().min(1);
var appkind = _enum(["", "deployment", "statefulset", "daemonset", "deploymentconfig", "rollout", "job"]);
var durationText = string({ error: expecting('text such as "5s" (Litmus 3 refuses numbers here)') });
var probeRules = looseObject({
  name: string(),
  type: _enum(["k8sProbe", "httpProbe", "cmdProbe", "promProbe", "sloProbe"]),
  mode: _enum(["SOT", "EOT", "Edge", "Continuous", "OnChaos"]),
  runProperties: looseObject({
    probeTimeout: durationText,
    interval: durationText,
    evaluationTimeout: durationText.optional(),
    probePollingInterval: durationText.optional(),
    initialDelay: durationText.optional(),
    retry: int().optional(),
    attempt: int().optional(),
    initialDelaySeconds: int().optional(),
    verbosity: string().optional(),
    stopOnFailure: boolean().optional()
  }),
  "k8sProbe/inputs": looseObject({
    version: string(),
    resource: string(),
    operation: _enum(["present", "absent", "create", "delete"])
  }).optional(),
  "cmdProbe/inputs": looseObject({
    command: nonEmpty,
    comparator: looseObject({
      type: _enum(["int", "float", "string"]),
      criteria: string(),
      value: string()
    })
  }).optional(),
  "httpProbe/inputs": looseObject({
    url: nonEmpty,
    method: looseObject({
      get: looseObject({ criteria: nonEmpty, responseCode: nonEmpty }).optional(),
      post: looseObject({ criteria: nonEmpty, responseCode: nonEmpty }).optional()
    }).refine((method) => Object.keys(method).length > 0, "needs get or post")
  }).optional(),
  "promProbe/inputs": looseObject({
    endpoint: string(),
    comparator: looseObject({ criteria: string(), value: string() })
  }).optional()
});
var selectorRules = looseObject({
  workloads: array(
    looseObject({
      kind: appkind,
      namespace: string(),
      names: string().optional(),
      labels: string().optional()
    }).refine(
      (w) => w.names === void 0 !== (w.labels === void 0),
      "needs names or labels, not both"
    )
  ).optional(),
  pods: array(looseObject({ names: string(), namespace: string() })).optional()
}).refine((s) => s.workloads === void 0 !== (s.pods === void 0), "needs workloads or pods, not both");
var knownFields = (closed2) => (names, nested = {}) => ({
  closed: closed2,
  fields: new Map([
    ...names.map((name) => [name, void 0]),
    ...Object.entries(nested)
  ])
});
var closed = knownFields(true);
var open = knownFields(false);
var keyRef = closed(["key", "name", "optional"]);
var envVar = closed(["name", "value"], {
  // Open: Kubernetes 1.34 added fileKeyRef.
  valueFrom: open([], {
    configMapKeyRef: keyRef,
    secretKeyRef: keyRef,
    fieldRef: closed(["apiVersion", "fieldPath"]),
    resourceFieldRef: closed(["containerName", "divisor", "resource"])
  })
});
var toleration = closed(["effect", "key", "operator", "tolerationSeconds", "value"]);
var imagePullSecret = closed(["name"]);
var comparator = closed(["criteria", "type", "value"]);
var configMap = closed(["data", "mountPath", "name"]);
var secret = closed(["mountPath", "name"]);
var resources = open(["claims", "limits", "requests"]);
var probeFields = open(["data", "mode", "name", "operation", "type"], {
  runProperties: open([
    "attempt",
    "evaluationTimeout",
    "initialDelay",
    "initialDelaySeconds",
    "interval",
    "probePollingInterval",
    "probeTimeout",
    "retry",
    "stopOnFailure",
    "verbosity"
  ]),
  // command (an object) and expectedResult until 1.13.0
  "k8sProbe/inputs": open([
    "command",
    "expectedResult",
    "fieldSelector",
    "group",
    "labelSelector",
    "namespace",
    "operation",
    "resource",
    "resourceNames",
    "version"
  ]),
  "cmdProbe/inputs": open([
    "command",
    "expectedResult"
    /* until 1.9 */
  ], {
    comparator,
    // A string until 2.0.
    source: open(
      [
        "annotations",
        "args",
        "command",
        "hostNetwork",
        "image",
        "imagePullPolicy",
        "inheritInputs",
        "labels",
        "nodeSelector",
        "privileged",
        "volumeMount",
        "volumes"
      ],
      { env: envVar, imagePullSecrets: imagePullSecret, tolerations: toleration }
    )
  }),
  // expectedResponseCode until 1.12, responseTimeout 1.13.2 to 2.13
  "httpProbe/inputs": open(["expectedResponseCode", "insecureSkipVerify", "responseTimeout", "url"], {
    method: closed([], {
      get: closed(["criteria", "responseCode"]),
      post: closed(["body", "bodyPath", "contentType", "criteria", "responseCode"])
    })
  }),
  "promProbe/inputs": open(["endpoint", "query", "queryPath"], { comparator }),
  "sloProbe/inputs": open(
    ["evaluationWindow", "insecureSkipVerify", "platformEndpoint", "sloIdentifier", "sloSourceMetadata"],
    { comparator }
  )
});
var experimentFields = closed(["name"], {
  // rank until 3.7; probes by type (k8sProbe, cmdProbe, httpProbe) in 1.7 and 1.8.
  spec: open(["cmdProbe", "httpProbe", "k8sProbe", "rank"], {
    // A list of name and value in 1.0.
    components: open(
      [
        "experimentAnnotations",
        "experimentannotation",
        "experimentImage",
        "nodeSelector"
      ],
      {
        configMaps: configMap,
        env: envVar,
        experimentImagePullSecrets: imagePullSecret,
        resources,
        secrets: secret,
        statusCheckTimeouts: closed(["delay", "timeout"]),
        tolerations: toleration
      }
    ),
    probe: probeFields
  })
});
var engineComponentFields = open([], {
  monitor: closed(["image"]),
  // args, command and imagePullPolicy since 1.2, runnerannotation 1.4 to 1.13.2, then runnerAnnotations.
  runner: open(
    [
      "args",
      "command",
      "image",
      "imagePullPolicy",
      "nodeSelector",
      "runnerAnnotations",
      "runnerannotation",
      "runnerLabels",
      "type"
    ],
    {
      configMaps: configMap,
      imagePullSecrets: imagePullSecret,
      resources,
      secrets: secret,
      tolerations: toleration
    }
  ),
  // Closed: unchanged since 3.0 added it.
  sidecar: closed(["image", "imagePullPolicy"], {
    env: envVar,
    envFrom: closed(["prefix"], {
      configMapRef: closed(["name", "optional"]),
      secretRef: closed(["name", "optional"])
    }),
    secrets: secret
  })
});
var engineSpecFields = open(
  [
    "auxiliaryAppInfo",
    "chaosServiceAccount",
    "defaultHealthCheck",
    "engineState",
    "jobCleanUpPolicy",
    "terminationGracePeriodSeconds",
    // Read before 3.0 only.
    "annotationCheck",
    "chaosType",
    "defaultAppHealthCheck",
    "monitoring"
  ],
  {
    // Server-side apply drops a misspelt key here without a word, even with fieldValidation=Strict.
    appinfo: closed(["appkind", "applabel", "appns"]),
    components: engineComponentFields,
    experiments: experimentFields,
    // Since 3.0, unchanged.
    selectors: closed([], {
      pods: closed(["names", "namespace"]),
      workloads: closed(["kind", "labels", "names", "namespace"])
    })
  }
);
function* unknownFields(value, known, path) {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* unknownFields(item, known, [...path, index]);
    return;
  }
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
        message: `unknown field${meant ? `; did you mean "${meant}"?` : ""} (Litmus would ignore it)`
      };
  }
}
var engineCrdRules = looseObject({
  spec: looseObject({
    engineState: _enum(["active", "stop"]).optional(),
    jobCleanUpPolicy: _enum(["delete", "retain"]).optional(),
    defaultHealthCheck: boolean().optional(),
    chaosServiceAccount: string().optional(),
    terminationGracePeriodSeconds: int().optional(),
    appinfo: looseObject({
      appkind: appkind.optional(),
      applabel: string().optional(),
      appns: string().optional()
    }).optional(),
    selectors: selectorRules.optional(),
    components: looseObject({
      // `^(go)$` since Litmus 1.7 (1.0 to 1.6 also allowed the ansible runner, which 1.7 removed).
      runner: looseObject({ type: _enum(["go"]).optional() }).optional()
    }).optional(),
    experiments: array(
      looseObject({
        name: string(),
        spec: looseObject({ probe: array(probeRules).optional() }).optional()
      })
    ).optional()
  }).superRefine(
    (spec, ctx) => {
      for (const issue of unknownFields(spec, engineSpecFields, []))
        ctx.addIssue({ code: "custom", ...issue });
    },
    // Also beside other problems: a misspelt required field (mdoe) is said to be missing, and meant.
    { when: ({ value }) => isRecord(value) }
  ).optional()
});

// src/run/blast-radius.ts
function isSystemNamespace(namespace) {
  return namespace.startsWith("kube-") || namespace.startsWith("openshift-");
}
function allowedNamespaces(policy) {
  const allowed = policy.allowNamespaces ?? (policy.defaultNamespace ? [policy.defaultNamespace] : []);
  return [...new Set(allowed)];
}
function blastRadiusProblems(manifests, workflowNamespace, policy, clusterScoped = (m) => isClusterScopedKind(m.object.kind)) {
  const listed = new Set(policy.allowNamespaces ?? []);
  const allowed = new Set(allowedNamespaces(policy));
  const hint = `add it to allowNamespaces (${settingName("allowNamespaces")}) if the run may reach it`;
  const checkNamespace = (where, namespace) => {
    if (namespace === void 0 || namespace === "") return void 0;
    if (isSystemNamespace(namespace) && !listed.has(namespace))
      return `${where}: namespace ${namespace} is a system namespace; chaos there is refused unless allowNamespaces (${settingName("allowNamespaces")}) lists it`;
    if (!allowed.has(namespace) && (policy.defaultNamespace !== void 0 || policy.allowNamespaces))
      return `${where}: namespace ${namespace} is not allowed (allowed: ${[...allowed].join(", ") || "none"}); ${hint}`;
    return void 0;
  };
  const problems = [];
  for (const manifest of manifests) {
    const { object: object2, source } = manifest;
    const namespace = object2.metadata.namespace ?? policy.defaultNamespace;
    if (clusterScoped(manifest)) {
      if (!policy.allowClusterScoped)
        problems.push(
          `${source}: ${object2.kind} is cluster-scoped; cluster-wide objects are refused unless allowClusterScoped (${settingName("allowClusterScoped")}) is true`
        );
    } else problems.push(checkNamespace(source, namespace));
    if (object2.kind === "Secret" && !policy.allowClusterScoped)
      problems.push(
        `${source}: Secrets are refused unless allowClusterScoped (${settingName("allowClusterScoped")}) is true`
      );
    if (bindsClusterAdmin(object2))
      problems.push(`${source}: a binding to the cluster-admin ClusterRole is always refused`);
    if (object2.kind === "ChaosEngine")
      for (const target of new Set(targetNamespaces(object2)))
        problems.push(checkNamespace(`${source}: its chaos targets`, target));
  }
  if (workflowNamespace !== void 0) problems.push(checkNamespace("the Workflow", workflowNamespace));
  return problems.filter((p) => !!p);
}
function bindsClusterAdmin(object2) {
  if (object2.kind !== "RoleBinding" && object2.kind !== "ClusterRoleBinding") return false;
  const roleRef = object2.roleRef;
  return roleRef?.kind === "ClusterRole" && roleRef.name === "cluster-admin";
}
function targetNamespaces(engine) {
  const selectors = engine.spec?.selectors;
  return [
    engine.spec?.appinfo?.appns,
    ...(selectors?.workloads ?? []).map((w) => w.namespace),
    ...(selectors?.pods ?? []).map((p) => p.namespace)
  ].filter((ns) => typeof ns === "string" && ns !== "");
}

// src/run/inputs.ts
function checkRunInputs(config, defaultNamespace = config.namespace) {
  const read = readRunInputs(config);
  return {
    inputs: read.inputs,
    problems: [...read.problems, ...placementProblems(config, read, defaultNamespace)]
  };
}
var alsoAs = (key, ...fields) => [.../* @__PURE__ */ new Set([key, ...fields.map(settingName)])].join(", ");
function readRunInputs(config) {
  const unreadable = [];
  const orProblem = (read2, instead) => {
    try {
      return read2();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      unreadable.push(error.message);
      return instead;
    }
  };
  const read = (files, role) => files.flatMap((file) => orProblem(() => readManifests([file], role), []));
  const manifests = [
    ...read(config.rbac, "rbac"),
    ...read(config.experiments, "experiment"),
    ...read(config.engines, "engine")
  ];
  const source = config.workflow;
  const workflow = source && orProblem(() => readWorkflow(source), void 0);
  const nothingToRun = unreadable.length === 0 && !manifests.some((m) => m.role === "engine") && !workflow ? [
    `nothing to run: give ChaosEngines (${alsoAs("engines", "engines")}) or an Argo Workflow (${alsoAs("workflow", "workflow.file", "workflow.template")})` + // A config file beside the user is not read unless named: say so rather than leave them guessing.
    (config.configFile ? "" : `, or the config file that names them (${configFileName()})`)
  ] : [];
  const engineProblems = new Map(
    manifests.filter((m) => m.role === "engine").map((m) => [m, crdProblems(m)])
  );
  const problems = [
    ...nothingToRun,
    ...unreadable,
    ...[...engineProblems.values()].flat(),
    ...manifests.flatMap((m) => metadataProblems(m.source, m.object.metadata)),
    ...manifests.filter((m) => m.role === "rbac").flatMap(rbacProblems),
    ...workflow && source?.file ? metadataProblems(workflowSource(source.file, workflow), workflow.metadata) : [],
    ...workflow ? undefinedTemplateProblems(workflow, workflowSource(source?.file, workflow)) : []
  ];
  const readable = manifests.filter((m) => !engineProblems.get(m)?.length);
  return { inputs: { manifests, workflow }, problems, readable };
}
function placementProblems(config, { inputs: { manifests, workflow }, readable }, defaultNamespace) {
  const namespaceOf = (m) => m.object.metadata.namespace ?? defaultNamespace ?? "";
  return [
    ...duplicateProblems(manifests, namespaceOf),
    ...blastRadiusProblems(readable, config.workflow?.namespace ?? workflow?.metadata.namespace, {
      ...config,
      defaultNamespace
    }),
    ...reportPathProblems(config)
  ];
}
async function prepareCluster(config, kubeconfigContent, log) {
  const load = (target) => loadForRun(target, log);
  const [cluster] = (await checkClusters(config, [{ config }], kubeconfigContent, load)).map(loaded);
  if (!cluster) throw new Error("one cluster checked, none returned");
  return cluster;
}
async function prepareTargets(config, kubeconfigContent, log) {
  const load = (target, { target: { name } }) => loadForRun(target, (line) => log(`[${name}] ${line}`));
  return (await checkClusters(config, targetClusters(config), kubeconfigContent, load)).map(loaded);
}
async function validateRun(config) {
  const unchecked = /* @__PURE__ */ new Set();
  const load = async (target) => {
    try {
      kubeconfigSource(target);
    } catch (error) {
      if (!(error instanceof NoClusterAccessError)) throw error;
      unchecked.add(error.message);
      return { kc: void 0, defaultNamespace: void 0 };
    }
    return loadKube(target);
  };
  const clusters = config.targets.length ? targetClusters(config) : [{ config }];
  const [first] = await checkClusters(config, clusters, void 0, load);
  const { manifests, workflow } = first?.inputs ?? { manifests: [] };
  return {
    objects: [...manifests.map((m) => m.source), ...workflow ? [`Workflow ${workflowName(workflow)}`] : []],
    unchecked: [...unchecked]
  };
}
async function loadKube(target, options = {}) {
  const { contextNamespace, loadKubeContext } = await import("./context-KBATJ6CB.js");
  const kc = loadKubeContext(target, options);
  return { kc, defaultNamespace: target.namespace ?? contextNamespace(kc) };
}
async function loadForRun(target, log) {
  const credentialWarnings = new RunWarnings(log);
  const kube = await loadKube(target, {
    say: (line) => log(`[chaos-gate] ${line}`),
    warn: credentialWarnings.warn
  });
  return { ...kube, credentialWarnings };
}
var loaded = ({ kube, ...cluster }) => ({
  ...cluster,
  ...kube
});
async function checkClusters(config, clusters, kubeconfigContent, load) {
  if (kubeconfigContent) refuseKubeconfigFiles(config);
  const checked = [];
  const found = [];
  const read = readRunInputs(config);
  for (const cluster of clusters) {
    let kube;
    let unloadable = [];
    try {
      kube = await load({ ...cluster.config, kubeconfigContent }, cluster);
    } catch (error) {
      if (!(error instanceof CannotRunError)) throw error;
      unloadable = [error.message];
    }
    const placement = placementProblems(
      cluster.config,
      read,
      kube?.defaultNamespace ?? cluster.config.namespace
    );
    found.push({ target: cluster.target, problems: [...read.problems, ...placement, ...unloadable] });
    if (kube) checked.push({ ...cluster, inputs: read.inputs, kube });
  }
  const problems = [...describeProblems(found), ...sharedObjectProblems(checked)];
  if (problems.length > 0) throw new ConfigError(problems.join("\n"));
  return checked;
}
function sharedObjectProblems(clusters) {
  const byServer = /* @__PURE__ */ new Map();
  for (const { target, config, inputs, kube } of clusters) {
    const server = kube.kc?.getCurrentCluster()?.server;
    const namespace = kube.defaultNamespace;
    if (!target || !server || namespace === void 0) continue;
    const { workflow } = inputs;
    const objects = [
      ...inputs.manifests.filter((m) => m.role === "engine" && m.object.metadata.name).map(({ object: { metadata } }) => ({
        kind: "ChaosEngine",
        namespace: metadata.namespace ?? namespace,
        name: metadata.name ?? ""
      })),
      ...workflow?.metadata.name ? [
        {
          kind: "Workflow",
          // As prepareWorkflow places it.
          namespace: config.workflow?.namespace ?? workflow.metadata.namespace ?? namespace,
          name: workflow.metadata.name
        }
      ] : []
    ];
    const key = sameServer(server);
    byServer.set(key, [...byServer.get(key) ?? [], { target: target.name, objects }]);
  }
  const text = ({ kind, namespace, name }) => `${kind} ${namespace}/${name}`;
  const problems = [];
  for (const [server, targets] of byServer)
    targets.forEach((first, i) => {
      for (const second of targets.slice(i + 1)) {
        const both = first.objects.filter((o) => second.objects.some((p) => text(p) === text(o)));
        if (both.length === 0) continue;
        const namespaces = [...new Set(both.map((o) => o.namespace))].join(", ");
        problems.push(
          `targets ${first.target} and ${second.target} reach the same cluster (server ${displayUrl(server)}) and namespace ${namespaces}, and both would apply ${both.map(text).join(", ")}: a name can be one run's only (the second would take over the first's engine, and the first's cleanup delete it under the second); give each target its own namespace, or name them with metadata.generateName`
        );
      }
    });
  return problems;
}
function sameServer(server) {
  try {
    return new URL(server).href.replace(/\/+$/, "");
  } catch {
    return server;
  }
}
function describeProblems(found) {
  const [first, ...others] = found;
  const shared = others.length > 0 ? (first?.problems ?? []).filter((p) => others.every((o) => o.problems.includes(p))) : [];
  return [
    ...shared,
    ...found.flatMap(
      ({ target, problems }) => problems.filter((p) => !shared.includes(p)).map((p) => target ? `target ${target.name}: ${p}` : p)
    )
  ];
}
var targetClusters = (config) => config.targets.map((target) => ({ target, config: configFor(config, target) }));
function configFor(config, target) {
  return {
    ...config,
    kubeconfig: target.kubeconfig ?? config.kubeconfig,
    context: target.context ?? config.context,
    namespace: target.namespace ?? config.namespace,
    targets: [],
    // Read once for all clusters, by runTargets.
    ctkJournals: []
  };
}
function refuseKubeconfigFiles(config) {
  const targets = config.targets.filter((target) => target.kubeconfig).map((target) => `"${target.name}"`);
  const where = [
    ...config.kubeconfig ? ["the top level"] : [],
    ...targets.length ? [`targets ${targets.join(", ")}`] : []
  ];
  if (where.length > 0)
    throw new ConfigError(
      `the kubeconfig input (inline content) and the kubeconfig file the config file gives (${where.join("; ")}) exclude each other: give one; with inline content, choose each target's cluster by its context`
    );
}
function crdProblems(manifest) {
  const checked = engineCrdRules.safeParse(manifest.object, plainWords);
  if (!checked.success) return describeIssues(manifest.source, checked.error);
  if (!checked.data.spec?.experiments?.length)
    return [
      `${manifest.source}: field spec.experiments: required; an engine without experiments runs no chaos`
    ];
  return [];
}
function rbacProblems(manifest) {
  const checked = rbacFieldRules(manifest.object)?.safeParse(manifest.object, plainWords);
  return checked?.success === false ? describeIssues(manifest.source, checked.error) : [];
}

export {
  specOf,
  callsOf,
  noTemplate,
  allowedNamespaces,
  blastRadiusProblems,
  checkRunInputs,
  prepareCluster,
  prepareTargets,
  validateRun
};
