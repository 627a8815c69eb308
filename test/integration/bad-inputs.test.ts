// The bad-input catalogue: each case runs the built CLI against a real API server and must exit 2,
// name the file, flag or field at fault, and leave the cluster as it was. Inputs are written here,
// one per case, so the table says everything about each.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { runEntry } from '../support/run-node.ts';
import { exampleRbac, leftovers, useSandbox, workDir, type Leftovers } from './helpers.ts';

const namespace = 'catalogue';
const env = useSandbox(namespace);
const dir = workDir();

/** Writes `name` under the catalogue's folder and returns its path. */
function file(name: string, content: string | Buffer): string {
  const at = path.join(dir, name);
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, content);
  return at;
}

const engineYaml = (
  name: string,
  spec = '  appinfo: { appns: catalogue, applabel: app=x, appkind: deployment }\n',
  meta = '',
) =>
  `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata:\n  name: ${name}\n${meta}spec:\n  engineState: active\n${spec}  experiments:\n    - name: pod-delete\n`;
const probe = (fields: string, name = 'probed') =>
  `${engineYaml(name)}      spec:\n        probe:\n          - ${fields}\n`;
const goodProbe =
  'name: up\n            type: httpProbe\n            mode: Continuous\n            httpProbe/inputs: { url: "http://x", method: { get: { criteria: "==", responseCode: "200" } } }\n            runProperties: { probeTimeout: 5s, interval: 2s }';
const result = (status: string) =>
  `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosResult\nmetadata: { name: e-pod-delete, namespace: catalogue }\nspec: { engine: e, experiment: pod-delete }\nstatus:\n${status}`;

/** A ServiceAccount and its RoleBinding, with `wrong` written where `right` belongs. */
const misspeltBinding = (wrong: string, right: string) =>
  [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: typo-sa\n---\n',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: typo-sa }\n',
    'roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }\n',
    'subjects: [{ kind: ServiceAccount, name: typo-sa }]\n',
  ]
    .join('')
    .replace(right, wrong);
/** The experiment's settings under a misspelt key: the chaos would run for its default duration. */
const misspeltExperimentSpec =
  '      sepc:\n        components:\n          env: [{ name: TOTAL_CHAOS_DURATION, value: "600" }]\n';
/**
 * A probe with a runProperties field the sandbox's CRD lacks, as Litmus 3.31's lacks verbosity: far
 * from every field chaos-gate knows, so it may be a newer Litmus's, and only the server can tell.
 */
const unknownRunProperty = (name: string) =>
  probe(goodProbe.replace('interval: 2s }', 'interval: 2s, jitter: 1s }'), name);
/** An engine whose spec has `components` (the runner's and sidecars'), as written after `experiments`. */
const withComponents = (name: string, components: string) =>
  engineYaml(name).replace('  experiments:\n', `  components: ${components}\n  experiments:\n`);
/**
 * An experiment env var read from a file (Kubernetes 1.34's fileKeyRef): the Litmus CRD does not declare
 * it, so the server drops it and the experiment gets a variable without its value.
 */
const fileKeyRefEnv = (name: string) =>
  `${engineYaml(name)}      spec:\n        components:\n          env: [{ name: TARGET_PODS, valueFrom: { fileKeyRef: { volumeName: config, path: pods, key: TARGET_PODS } } }]\n`;

interface Case {
  /** What is wrong, as the user would put it. */
  what: string;
  /** The command line after `chaos-gate`; `run` gets the sandbox kubeconfig and namespace unless it names its own. */
  args: () => string[];
  /** What the message must name. */
  names: RegExp;
}

let goodEngine: string | undefined;
/** A valid engine beside the bad input; written once, as cases run side by side. */
const good = () => (goodEngine ??= file('good/engine.yaml', engineYaml('good')));
const config = (name: string, text: string) => file(`configs/${name}.yaml`, text);
const run = (...args: string[]) => ['run', ...args];
const runEngine = (engine: string, ...more: string[]) => run('--engine', engine, ...more);
/** `run` of the valid engine with `rbac/<name>` holding `content` as its RBAC file. */
const runWithRbac = (name: string, content: string, ...more: string[]) =>
  runEngine(good(), '--rbac', file(`rbac/${name}`, content), ...more);
const kubeconfig = (name: string, edit: (yaml: string) => string) =>
  file(`kubeconfigs/${name}`, edit(env.sandbox.kubeconfigYaml));

/** "Billion laughs": nine levels of nine aliases, a few hundred bytes that expand to 387 million values. */
const aliasBomb = `laughs:\n  a: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefghi'
  .split('')
  .map((n, i) => `  ${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]\n`)
  .join('')}`;

const cases: Case[] = [
  // The config file.
  {
    what: 'an unknown key',
    args: () => run('--config', config('unknown', 'engins: [a.yaml]\n')),
    names: /unknown\.yaml: engins: unknown field; did you mean "engines"\?/,
  },
  {
    what: 'an unknown gate key',
    args: () => run('--config', config('gate-key', 'gate: { minProbeSucess: 80 }\n')),
    names: /gate-key\.yaml: gate\.minProbeSucess: unknown field; did you mean "minProbeSuccess"\?/,
  },
  {
    what: 'a word where a number belongs',
    args: () => run('--config', config('probe-word', 'gate: { minProbeSuccess: high }\n')),
    names: /probe-word\.yaml: gate\.minProbeSuccess:/,
  },
  {
    what: 'a percentage over 100',
    args: () => run('--config', config('probe-150', 'gate: { minProbeSuccess: 150 }\n')),
    names: /probe-150\.yaml: gate\.minProbeSuccess:/,
  },
  {
    what: 'a timeout that is no duration',
    args: () => run('--config', config('soon', 'timeout: soon\n')),
    names: /soon\.yaml: timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)$/m,
  },
  {
    what: 'a zero timeout',
    args: () => run('--config', config('zero', 'timeout: 0s\n')),
    names: /zero\.yaml: timeout: expected a duration of 1s or more, got text \("0s"\)$/m,
  },
  {
    what: 'a 1000h timeout',
    args: () => run('--config', config('long', 'timeout: 1000h\n')),
    names: /long\.yaml: timeout: expected a duration of 24h or less, got text \("1000h"\)$/m,
  },
  {
    what: 'a zero stop timeout',
    args: () => run('--config', config('stop-zero', 'stopTimeout: 0\n')),
    names: /stop-zero\.yaml: stopTimeout: expected a duration of 1s or more, got a number \(0\)$/m,
  },
  {
    what: 'an unknown cleanup policy',
    args: () => run('--config', config('cleanup', 'cleanup: sometimes\n')),
    names: /cleanup\.yaml: cleanup:/,
  },
  {
    what: 'a run id that is no DNS label',
    args: () => run('--config', config('run-id', 'runId: Bad_ID\n')),
    names: /run-id\.yaml: runId: expected a lowercase DNS label \(a-z, 0-9, -\), got text \("Bad_ID"\)$/m,
  },
  {
    what: 'a label that is no DNS label',
    args: () => runEngine(good(), '--label', 'EU West'),
    names: /command line: --label: expected a lowercase DNS label \(a-z, 0-9, -\), got text \("EU West"\)$/m,
  },
  {
    what: 'invalid YAML',
    args: () => run('--config', config('invalid', 'engines: [a.yaml\n')),
    names: /invalid\.yaml: invalid YAML/,
  },
  { what: 'an empty config file', args: () => run('--config', config('empty', '')), names: /empty\.yaml: / },
  {
    what: 'a comment-only config file',
    args: () => run('--config', config('comments', '# engines: [a.yaml]\n')),
    names: /comments\.yaml: holds no settings/,
  },
  {
    what: 'two documents in the config',
    args: () => run('--config', config('two', 'timeout: 1m\n---\ntimeout: 2m\n')),
    names: /two\.yaml: expected exactly one YAML document/,
  },
  {
    what: 'a config that is a folder',
    args: () => run('--config', path.join(dir, 'configs')),
    names: /configs: cannot read the config file: it is a directory/,
  },
  {
    what: 'an engine manifest given as the config',
    args: () => run('--config', config('engine-as-config', engineYaml('as-config'))),
    names:
      /engine-as-config\.yaml: a Kubernetes ChaosEngine, not a chaos-gate config file; a config file names manifests under engines, rbac or experiments$/m,
  },
  {
    what: 'a config that does not exist',
    args: () => run('--config', path.join(dir, 'nowhere.yaml')),
    names: /nowhere\.yaml: cannot read the config file: no such file or directory/,
  },
  {
    what: 'a load lead time that is no duration',
    args: () => run('--config', config('lead', 'load: { leadTime: soon }\n')),
    names:
      /lead\.yaml: load\.leadTime: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)$/m,
  },
  {
    what: 'an error rate over 100%',
    args: () => run('--config', config('rate', 'load: { thresholds: { errorRate: 150% } }\n')),
    names: /rate\.yaml: load\.thresholds\.errorRate:/,
  },
  {
    what: 'a latency threshold without a unit, which k6 would read as ms and durations as s',
    args: () => run('--config', config('p95-bare', 'load: { thresholds: { p95: 150 } }\n')),
    names:
      /p95-bare\.yaml: load\.thresholds\.p95: 150 has no unit: write 150ms \(as k6 reads p\(95\)<150\), or 150s/,
  },
  {
    what: 'a bare error rate of 1 or more, meant as a percentage',
    args: () => run('--config', config('rate-bare', 'load: { thresholds: { errorRate: 1 } }\n')),
    names:
      /rate-bare\.yaml: load\.thresholds\.errorRate: a bare error rate is a share below 1 \(0\.01 = 1%\): for 1 percent write 1%/,
  },
  {
    what: 'a bare minProbeSuccess that reads as a share',
    args: () => run('--config', config('probe-share', 'gate: { minProbeSuccess: 0.9 }\n')),
    names: /probe-share\.yaml: gate\.minProbeSuccess: 0\.9 would be 0\.9%, but reads as a share of 1/,
  },
  {
    what: 'an unknown load stop mode',
    args: () => run('--config', config('stop-mode', 'load: { stop: maybe }\n')),
    names: /stop-mode\.yaml: load\.stop:/,
  },
  {
    what: 'a passEnv entry that is no variable name',
    args: () => run('--config', config('pass-env', 'load: { passEnv: ["A B"] }\n')),
    names:
      /pass-env\.yaml: load\.passEnv\[0\]: expected a variable name \(letters, digits and _\), got text \("A B"\)$/m,
  },
  {
    what: 'a misspelt load key',
    args: () => run('--config', config('comand', 'load: { comand: k6 }\n')),
    names: /comand\.yaml: load\.comand: unknown field; did you mean "command"\?/,
  },
  {
    what: 'a workflow file and a template at once',
    args: () => run('--config', config('both', 'workflow: { file: w.yaml, template: t }\n')),
    names:
      /both\.yaml: workflow\.template: give one workflow: a file, a WorkflowTemplate or a ClusterWorkflowTemplate, not two/,
  },
  {
    what: 'an allowed namespace that is no name',
    args: () => run('--config', config('ns', 'allowNamespaces: [Kube_System]\n')),
    names:
      /ns\.yaml: allowNamespaces\[0\]: expected a namespace name \(lowercase a-z, 0-9 and -\), got text \("Kube_System"\)$/m,
  },
  {
    what: 'a number where a report path belongs',
    args: () => run('--config', config('junit-number', 'reports: { junit: 5 }\n')),
    names: /junit-number\.yaml: reports\.junit:/,
  },
  // Flags.
  {
    what: '--timeout 0',
    args: () => runEngine(good(), '--timeout', '0'),
    names: /command line: --timeout: expected a duration of 1s or more, got text \("0"\)$/m,
  },
  {
    what: '--timeout 15, minutes to a Jenkins user, seconds to Litmus',
    args: () => runEngine(good(), '--timeout', '15'),
    names: /command line: --timeout: 15 has no unit: write 15s for seconds or 15m for minutes/,
  },
  {
    what: 'a bare number of seconds as stopTimeout in a config file',
    args: () => run('--config', config('stop-bare', 'stopTimeout: 300\n')),
    names: /stop-bare\.yaml: stopTimeout: 300 has no unit: write 300s for seconds or 300m for minutes/,
  },
  {
    what: '--timeout 1000h',
    args: () => runEngine(good(), '--timeout', '1000h'),
    names: /command line: --timeout: expected a duration of 24h or less, got text \("1000h"\)$/m,
  },
  {
    what: '--stop-timeout 25h',
    args: () => runEngine(good(), '--stop-timeout', '25h'),
    names: /command line: --stop-timeout: expected a duration of 24h or less, got text \("25h"\)$/m,
  },
  {
    what: '--min-probe-success abc',
    args: () => runEngine(good(), '--min-probe-success', 'abc'),
    names:
      /command line: --min-probe-success: expected a percentage 0-100 such as 90 or 90%, got text \("abc"\)$/m,
  },
  {
    what: '--cleanup sometimes',
    args: () => runEngine(good(), '--cleanup', 'sometimes'),
    names: /command line: --cleanup:/,
  },
  {
    what: 'an unknown flag',
    args: () => runEngine(good(), '--engines', 'x'),
    names: /command line: .*--engines/,
  },
  {
    what: 'a parameter without a value',
    args: () => run('--workflow-template', 't', '--parameter', 'novalue'),
    names: /command line: --parameter: .*novalue/,
  },
  {
    what: 'an unknown command',
    args: () => ['reprot'],
    names: /unknown command "reprot"; did you mean report\? expected run, report, merge or validate/,
  },
  {
    what: '--in-cluster with a kubeconfig',
    args: () => ['run', '--in-cluster', '--kubeconfig', env.sandbox.kubeconfigPath, '--engine', good()],
    names: /inCluster \(--in-cluster\) and a kubeconfig .* exclude each other/,
  },
  {
    what: '--allow-namespace that is no name',
    args: () => runEngine(good(), '--allow-namespace', 'Bad NS'),
    names:
      /command line: --allow-namespace\[0\]: expected a namespace name \(lowercase a-z, 0-9 and -\), got text \("Bad NS"\)$/m,
  },
  // Engine files.
  {
    what: 'a missing engine file',
    args: () => runEngine(path.join(dir, 'missing.yaml')),
    names: /missing\.yaml: cannot read the manifest: no such file or directory/,
  },
  {
    what: 'an engine path that is a folder',
    args: () => runEngine(path.join(dir, 'good')),
    names: /good: cannot read the manifest: it is a directory/,
  },
  {
    what: 'an engine FIFO',
    args: () => runEngine(path.join(dir, 'engine.fifo')),
    names: /engine\.fifo: cannot read the manifest: not a regular file/,
  },
  {
    what: '/dev/zero as the engine',
    args: () => runEngine('/dev/zero'),
    names: /\/dev\/zero: cannot read the manifest: not a regular file/,
  },
  {
    what: 'a Latin-1 engine file',
    args: () =>
      runEngine(
        file(
          'latin1.yaml',
          Buffer.concat([Buffer.from(engineYaml('cafe')), Buffer.from('# caf\xe9\n', 'latin1')]),
        ),
      ),
    names: /latin1\.yaml: cannot read the manifest: not valid UTF-8/,
  },
  {
    what: 'an empty engine file',
    args: () => runEngine(file('empty.yaml', '')),
    names: /empty\.yaml: holds no objects/,
  },
  {
    what: 'a comment-only engine file beside a good one',
    args: () => run('--engine', good(), '--engine', file('only-comments.yaml', '# nothing\n')),
    names: /only-comments\.yaml: holds no objects/,
  },
  {
    what: 'an engine file over 4 MiB',
    args: () => runEngine(file('huge.yaml', `${engineYaml('huge')}# ${'x'.repeat(4 * 1024 * 1024)}\n`)),
    names: /huge\.yaml: cannot read the manifest: \d+ bytes is more than the 4 MiB allowed/,
  },
  {
    what: 'invalid YAML in an engine',
    args: () => runEngine(file('bad-yaml.yaml', 'kind: [ChaosEngine\n')),
    names: /bad-yaml\.yaml, document 1: invalid YAML/,
  },
  {
    what: 'validate: aliases in an engine that expand to billions of values',
    args: () => ['validate', '--engine', file('validate/laughs.yaml', `${engineYaml('laughs')}${aliasBomb}`)],
    names: /laughs\.yaml, document 1: invalid YAML: Excessive alias count/,
  },
  {
    what: 'a list where an object belongs',
    args: () => runEngine(file('list.yaml', '- a\n- b\n')),
    names: /list\.yaml, document 1: expected a Kubernetes object/,
  },
  {
    what: 'an engine without apiVersion',
    args: () => runEngine(file('no-api.yaml', 'kind: ChaosEngine\nmetadata: { name: x }\n')),
    names: /no-api\.yaml, document 1: field apiVersion: required/,
  },
  {
    what: 'an engine without a name',
    args: () =>
      runEngine(
        file('no-name.yaml', 'apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata: {}\n'),
      ),
    names: /no-name\.yaml, document 1: field metadata\.name: required/,
  },
  {
    what: 'a Pod in an engine file',
    args: () => runEngine(file('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\n')),
    names: /pod\.yaml, document 1 \(Pod p\): field kind: expected ChaosEngine in engine files/,
  },
  {
    what: 'an engine name over 63 characters',
    args: () => runEngine(file('long-name.yaml', engineYaml('x'.repeat(64)))),
    names: /long-name\.yaml, .*field metadata\.name: a ChaosEngine name must be at most 63 characters/,
  },
  {
    what: 'int probe timeouts (Litmus 2.x)',
    args: () =>
      runEngine(file('int-probe.yaml', probe(goodProbe.replace('probeTimeout: 5s', 'probeTimeout: 5')))),
    names:
      /int-probe\.yaml, .*field spec\.experiments\[0\]\.spec\.probe\[0\]\.runProperties\.probeTimeout: expected text such as "5s" \(Litmus 3 refuses numbers here\), got a number \(5\)$/m,
  },
  {
    what: 'engineState paused',
    args: () =>
      runEngine(
        file('paused.yaml', engineYaml('paused').replace('engineState: active', 'engineState: paused')),
      ),
    names: /paused\.yaml, .*field spec\.engineState: expected one of active, stop, got text \("paused"\)/,
  },
  {
    what: 'appkind pod',
    args: () =>
      runEngine(
        file(
          'appkind.yaml',
          engineYaml('kinds', '  appinfo: { appns: catalogue, applabel: app=x, appkind: pod }\n'),
        ),
      ),
    names: /appkind\.yaml, .*field spec\.appinfo\.appkind: expected one of .*, got text \("pod"\)/,
  },
  {
    what: 'an unknown probe type',
    args: () => runEngine(file('probe-type.yaml', probe(goodProbe.replace('httpProbe\n', 'pingProbe\n')))),
    names:
      /probe-type\.yaml, .*field spec\.experiments\[0\]\.spec\.probe\[0\]\.type: expected one of .*, got text \("pingProbe"\)/,
  },
  {
    what: 'an unknown probe mode',
    args: () => runEngine(file('probe-mode.yaml', probe(goodProbe.replace('Continuous', 'Sometimes')))),
    names:
      /probe-mode\.yaml, .*probe\[0\]\.mode: expected one of SOT, EOT, Edge, Continuous, OnChaos, got text \("Sometimes"\)/,
  },
  {
    what: 'a probe without runProperties',
    args: () => runEngine(file('probe-props.yaml', probe(goodProbe.replace(/\n\s+runProperties:.*$/, '')))),
    names: /probe-props\.yaml, .*probe\[0\]\.runProperties:/,
  },
  {
    what: 'the same engine in two files',
    args: () => run('--engine', good(), '--engine', file('copy.yaml', engineYaml('good'))),
    names: /copy\.yaml, document 1 \(ChaosEngine good\): the same ChaosEngine as .*engine\.yaml, document 1/,
  },
  {
    what: 'the same engine twice in one file',
    args: () => runEngine(file('twice.yaml', `${engineYaml('twin')}---\n${engineYaml('twin')}`)),
    names: /twice\.yaml, document 2 \(ChaosEngine twin\): the same ChaosEngine as .*twice\.yaml, document 1/,
  },
  {
    what: 'an engine in kube-system',
    args: () =>
      runEngine(file('kube-system.yaml', engineYaml('sys', undefined, '  namespace: kube-system\n'))),
    names: /kube-system\.yaml, .*namespace kube-system is a system namespace/,
  },
  {
    what: 'an engine aimed at kube-system',
    args: () =>
      runEngine(
        file(
          'aim-system.yaml',
          engineYaml(
            'aim',
            '  appinfo: { appns: kube-system, applabel: k8s-app=kube-dns, appkind: deployment }\n',
          ),
        ),
      ),
    names: /aim-system\.yaml, .*its chaos targets: namespace kube-system is a system namespace/,
  },
  {
    what: 'an engine in a namespace not allowed',
    args: () => runEngine(file('billing.yaml', engineYaml('bill', undefined, '  namespace: billing\n'))),
    names: /billing\.yaml, .*namespace billing is not allowed \(allowed: catalogue\)/,
  },
  // RBAC files.
  {
    what: 'a binding to cluster-admin',
    args: () =>
      runWithRbac(
        'admin.yaml',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: god }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }\nsubjects: []\n',
        '--allow-cluster-scoped',
      ),
    names:
      /admin\.yaml, document 1 \(RoleBinding god\): a binding to the cluster-admin ClusterRole is always refused/,
  },
  {
    what: 'aliases in an RBAC file that expand to billions of values, after an object that is fine',
    args: () =>
      runWithRbac(
        'laughs.yaml',
        `apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: laughs }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: laughs }\n${aliasBomb}`,
      ),
    names: /laughs\.yaml, document 2: invalid YAML: Excessive alias count/,
  },
  {
    what: 'a Namespace in the RBAC file',
    args: () =>
      runWithRbac('namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: { name: chaos-ns }\n'),
    names: /namespace\.yaml, document 1 \(Namespace chaos-ns\): Namespace is cluster-scoped/,
  },
  {
    what: 'a Secret in the RBAC file',
    args: () => runWithRbac('secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: { name: creds }\n'),
    names:
      /secret\.yaml, document 1 \(Secret creds\): Secrets are refused unless allowClusterScoped \(--allow-cluster-scoped\) is true/,
  },
  {
    what: 'a ClusterRole in the RBAC file',
    args: () =>
      runWithRbac(
        'cluster-role.yaml',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: wide }\nrules: []\n',
      ),
    names: /cluster-role\.yaml, document 1 \(ClusterRole wide\): ClusterRole is cluster-scoped/,
  },
  {
    what: 'a List whose items are not a list',
    args: () => runWithRbac('list.yaml', 'apiVersion: v1\nkind: List\nitems: {}\n'),
    names: /list\.yaml, document 1: field items: expected a list/,
  },
  {
    what: 'the same Role twice',
    args: () => run('--engine', good(), '--rbac', exampleRbac, '--rbac', exampleRbac),
    names: /rbac\.yaml, document 1 \(ServiceAccount pod-delete-sa\): the same ServiceAccount as/,
  },
  // Misspelt fields: the API server drops an unknown field unless asked to refuse it, and server-side
  // apply drops one below a custom resource's top level even then.
  {
    what: 'appLabel for applabel in an engine',
    args: () =>
      runEngine(
        file(
          'app-label.yaml',
          engineYaml('app-label', '  appinfo: { appns: catalogue, appLabel: app=x, appkind: deployment }\n'),
        ),
      ),
    names:
      /app-label\.yaml, document 1 \(ChaosEngine app-label\): field spec\.appinfo\.appLabel: unknown field; did you mean "applabel"\?/,
  },
  {
    what: 'subject for subjects in a RoleBinding',
    args: () => runWithRbac('subject.yaml', misspeltBinding('subject:', 'subjects:')),
    names:
      /subject\.yaml, document 2 \(RoleBinding typo-sa\): field subject: unknown field; did you mean "subjects"\?/,
  },
  {
    what: 'a namespace that does not exist on the cluster: said once, not for each object',
    args: () =>
      runEngine(
        file(
          'nowhere/engine.yaml',
          engineYaml('nowhere', '  appinfo: { appns: nowhere, applabel: app=x, appkind: deployment }\n'),
        ),
        '--rbac',
        file('nowhere/rbac.yaml', misspeltBinding('x', 'x')),
        '--kubeconfig',
        env.sandbox.kubeconfigPath,
        '--namespace',
        'nowhere',
      ),
    names:
      /^namespace nowhere does not exist on the cluster, and 3 object\(s\) would go there \(.*\); create it \(kubectl create namespace nowhere\)[^\n]*$(?![\s\S]*nowhere" not found)/m,
  },
  {
    what: 'a misspelt metadata field of a RoleBinding, refused before the server is asked',
    args: () =>
      runWithRbac(
        'lables.yaml',
        misspeltBinding('metadata: { name: typo-sa, lables: { a: b } }', 'metadata: { name: typo-sa }'),
      ),
    names:
      /lables\.yaml, document 2 \(RoleBinding typo-sa\): field metadata\.lables: unknown field; did you mean "labels"\? \(not in ObjectMeta, so the server would refuse it\)/,
  },
  {
    what: 'a misspelt field of a ConfigMap beside a ServiceAccount',
    args: () =>
      runWithRbac(
        'configmap.yaml',
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: typo-sa }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndta: { a: b }\n',
      ),
    names:
      /configmap\.yaml, document 2 \(ConfigMap settings\): rejected by the server: field dta: unknown field \(not in the ConfigMap schema\)/,
  },
  {
    what: 'sepc for spec in an experiment of an engine, refused before the server is asked',
    args: () => runEngine(file('sepc.yaml', `${engineYaml('sepc')}${misspeltExperimentSpec}`)),
    names:
      /sepc\.yaml, document 1 \(ChaosEngine sepc\): field spec\.experiments\[0\]\.sepc: unknown field; did you mean "spec"\? \(Litmus would ignore it\)/,
  },
  {
    what: 'a runProperties field the CRD lacks, which server-side apply drops without a word',
    args: () => runEngine(file('jitter.yaml', unknownRunProperty('jitter'))),
    names:
      /jitter\.yaml, document 1 \(ChaosEngine jitter\): field spec\.experiments\[0\]\.spec\.probe\[0\]\.runProperties\.jitter: unknown field \(not in the ChaosEngine schema, so the server would drop it\)/,
  },
  {
    what: 'a runProperties field the CRD lacks in an engine with generateName, which the server refuses',
    args: () =>
      runEngine(
        file(
          'jitter-generated.yaml',
          unknownRunProperty('jitter').replace('  name: jitter\n', '  generateName: jitter-\n'),
        ),
      ),
    names:
      /jitter-generated\.yaml, document 1 \(ChaosEngine jitter-\): rejected by the server: field spec\.experiments\[0\]\.spec\.probe\[0\]\.runProperties\.jitter: unknown field/,
  },
  {
    what: 'an engine component the CRD does not declare (no runner or sidecar), which it drops',
    args: () => runEngine(file('exporter.yaml', withComponents('exporter', '{ exporter: { image: x } }'))),
    names:
      /exporter\.yaml, document 1 \(ChaosEngine exporter\): field spec\.components\.exporter: unknown field \(not in the ChaosEngine schema, so the server would drop it\)/,
  },
  {
    what: 'an experiment env var source the CRD does not declare, which it drops',
    args: () => runEngine(file('file-key-ref.yaml', fileKeyRefEnv('file-key-ref'))),
    names:
      /file-key-ref\.yaml, document 1 \(ChaosEngine file-key-ref\): field spec\.experiments\[0\]\.spec\.components\.env\[0\]\.valueFrom\.fileKeyRef: unknown field \(not in the ChaosEngine schema, so the server would drop it\)/,
  },
  // Report paths.
  {
    what: 'a JUnit path under a file',
    args: () => runEngine(good(), '--junit', path.join(file('plain.txt', 'x'), 'junit.xml')),
    names: /the JUnit report .*plain\.txt\/junit\.xml: .*plain\.txt is a file, not a directory/,
  },
  {
    what: 'a JSON path that is a folder',
    args: () => runEngine(good(), '--json', dir),
    names: /the JSON report .*: is a directory/,
  },
  {
    what: 'JUnit and HTML to the same file',
    args: () => runEngine(good(), '--junit', path.join(dir, 'out.xml'), '--html', path.join(dir, 'out.xml')),
    names: /the HTML report .*out\.xml: the same file as the JUnit report/,
  },
  // Kubeconfigs.
  {
    what: 'a kubeconfig whose user is missing',
    args: () => [
      'run',
      '--kubeconfig',
      kubeconfig('no-user', (y) => y.replace('user: sandbox-admin', 'user: deployer')),
      '--engine',
      good(),
    ],
    names:
      /no-user: context "sandbox" names user "deployer", which the kubeconfig does not define; it has: sandbox-admin/,
  },
  {
    what: 'a kubeconfig whose cluster is missing',
    args: () => [
      'run',
      '--kubeconfig',
      kubeconfig('no-cluster', (y) => y.replace('cluster: sandbox', 'cluster: staging')),
      '--engine',
      good(),
    ],
    names: /no-cluster: context "sandbox" names cluster "staging"/,
  },
  {
    what: 'a context the kubeconfig does not have',
    args: () => ['run', '--kubeconfig', env.sandbox.kubeconfigPath, '--context', 'qa', '--engine', good()],
    names: /kube context "qa" not found; the kubeconfig has: sandbox/,
  },
  {
    what: 'a kubeconfig with a YAML error',
    args: () => [
      'run',
      '--kubeconfig',
      kubeconfig('yaml-error', (y) => y.replace('users:', 'users: [')),
      '--engine',
      good(),
    ],
    names: /yaml-error: not valid YAML at line \d+, column \d+/,
  },
  {
    what: 'a kubeconfig server that is no URL',
    args: () => [
      'run',
      '--kubeconfig',
      kubeconfig('bad-url', (y) => y.replace(/server: \S+/, 'server: 127.0.0.1')),
      '--engine',
      good(),
    ],
    names: /bad-url: cluster "sandbox" has no valid server URL/,
  },
  {
    what: 'a kubeconfig that does not exist',
    args: () => ['run', '--kubeconfig', path.join(dir, 'no-kubeconfig'), '--engine', good()],
    names: /no-kubeconfig: cannot read the kubeconfig: no such file or directory/,
  },
  // Workflows.
  {
    what: 'two objects in a workflow file',
    args: () =>
      run(
        '--workflow',
        file(
          'wf/two.yaml',
          'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: a }\nspec: {}\n---\napiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: b }\nspec: {}\n',
        ),
      ),
    names: /two\.yaml: expected exactly one Workflow, found 2 objects/,
  },
  {
    what: 'a Pod as the workflow',
    args: () =>
      run('--workflow', file('wf/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: {}\n')),
    names: /pod\.yaml, document 1 \(Pod p\): field kind: expected Workflow/,
  },
  {
    what: 'a workflow into kube-system',
    args: () => run('--workflow-template', 't', '--workflow-namespace', 'kube-system'),
    names: /the Workflow: namespace kube-system is a system namespace/,
  },
  // Results to convert.
  {
    what: 'a string where the probe list belongs',
    args: () => [
      'report',
      '--results',
      file(
        'results/string.yaml',
        result('  experimentStatus: { phase: Completed, verdict: Pass }\n  probeStatuses: passed\n'),
      ),
    ],
    names:
      /string\.yaml, document 1 \(ChaosResult e-pod-delete\): field status\.probeStatuses: expected a list, got text \("passed"\)/,
  },
  {
    what: 'a map where the probe list belongs',
    args: () => [
      'report',
      '--results',
      file(
        'results/map.yaml',
        result(
          '  experimentStatus: { phase: Completed, verdict: Pass }\n  probeStatuses: { up: { status: { verdict: Failed } } }\n',
        ),
      ),
    ],
    names: /map\.yaml, .*field status\.probeStatuses: expected a list, got a mapping/,
  },
  {
    what: 'the same result twice',
    args: () => [
      'report',
      '--results',
      file('results/a.yaml', result('  experimentStatus: { phase: Completed, verdict: Fail }\n')),
      '--results',
      file('results/b.yaml', result('  experimentStatus: { phase: Completed, verdict: Pass }\n')),
    ],
    names: /b\.yaml, document 1 \(ChaosResult e-pod-delete\): the same ChaosResult as .*a\.yaml, document 1/,
  },
  {
    what: 'an empty results file',
    args: () => ['report', '--results', file('results/empty.yaml', '# nothing\n')],
    names: /empty\.yaml: holds no objects/,
  },
  {
    what: 'an empty list: kubectl found no ChaosResults',
    args: () => [
      'report',
      '--results',
      file('results/none.yaml', 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'),
    ],
    names: /none\.yaml: holds only an empty list \(items: \[\]\): kubectl found no objects/,
  },
  {
    what: 'kubectl get without -o: its table',
    args: () => [
      'report',
      '--results',
      file(
        'results/table.txt',
        'NAMESPACE   NAME                  AGE\nshop        engine-pod-delete     5m\n',
      ),
    ],
    names: /table\.txt: this is a table `kubectl get` prints \(without `-o`.*`kubectl get … -o yaml`/,
  },
  {
    what: 'kubectl get -o name: names only',
    args: () => [
      'report',
      '--results',
      file(
        'results/names.txt',
        'chaosresult.litmuschaos.io/engine-pod-delete\nchaosresult.litmuschaos.io/other-pod-delete\n',
      ),
    ],
    names: /names\.txt: this is `kubectl get -o name` output, names only.*`kubectl get … -o yaml`/,
  },
  {
    what: 'kubectl get --no-headers: rows of words',
    args: () => [
      'report',
      '--results',
      file('results/rows.txt', 'engine-pod-delete     5m\nother-pod-delete     3m\n'),
    ],
    names:
      /rows\.txt, document 1: expected a Kubernetes object \(a mapping\); this is plain text \(`kubectl get` output with --no-headers/,
  },
  {
    what: 'kubectl\'s "No resources found" saved with its output',
    args: () => [
      'report',
      '--results',
      file('results/nothing.txt', 'No resources found in shop namespace.\n'),
    ],
    names: /nothing\.txt: kubectl found no objects \("No resources found"\)/,
  },
  {
    what: 'workflow nodes as a list',
    args: () => [
      'report',
      '--workflow',
      file(
        'results/wf.yaml',
        'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: w }\nstatus: { phase: Succeeded, nodes: [a] }\n',
      ),
    ],
    names: /wf\.yaml, document 1 \(Workflow w\): field status\.nodes: expected a mapping, got a list/,
  },
  {
    what: 'a k6 summary that is not JSON',
    args: () => ['report', '--k6', file('results/k6.json', 'not json')],
    names: /k6\.json: not JSON/,
  },
  {
    what: 'a Pod among the results',
    args: () => [
      'report',
      '--results',
      file('results/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\n'),
    ],
    names: /pod\.yaml, document 1 \(Pod p\): field kind: expected ChaosResult or ChaosEngine/,
  },
  // validate runs the same checks.
  {
    what: 'validate: int probe timeouts',
    args: () => [
      'validate',
      '--engine',
      file('validate/int.yaml', probe(goodProbe.replace('interval: 2s', 'interval: 2'))),
    ],
    names:
      /int\.yaml, .*runProperties\.interval: expected text such as "5s" \(Litmus 3 refuses numbers here\), got a number \(2\)$/m,
  },
  {
    what: 'validate: a Secret in the RBAC file',
    args: () => [
      'validate',
      '--engine',
      good(),
      '--rbac',
      file('validate/secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\n'),
    ],
    names: /secret\.yaml, document 1 \(Secret s\): Secrets are refused/,
  },
  {
    what: 'validate: a kubeconfig that does not exist',
    args: () => ['validate', '--kubeconfig', path.join(dir, 'nope.kube'), '--engine', good()],
    names: /nope\.kube: cannot read the kubeconfig: no such file or directory/,
  },
  {
    what: 'validate: --in-cluster with a kubeconfig',
    args: () => ['validate', '--in-cluster', '--kubeconfig', env.sandbox.kubeconfigPath, '--engine', good()],
    names: /inCluster \(--in-cluster\) and a kubeconfig .* exclude each other/,
  },
  {
    what: 'validate: a context the kubeconfig does not have',
    args: () => [
      'validate',
      '--kubeconfig',
      env.sandbox.kubeconfigPath,
      '--context',
      'qa',
      '--engine',
      good(),
    ],
    names: /kube context "qa" not found; the kubeconfig has: sandbox/,
  },
  {
    what: "validate: a target's kubeconfig that does not exist",
    args: () => [
      'validate',
      '--config',
      config(
        'target-kubeconfig',
        `namespace: catalogue\nengines: [${good()}]\ntargets:\n  - { name: eu, kubeconfig: ${env.sandbox.kubeconfigPath} }\n  - { name: us, kubeconfig: kube/us.yaml }\n`,
      ),
    ],
    names:
      /^chaos-gate: error: target us: \S+\/configs\/kube\/us\.yaml: cannot read the kubeconfig: no such file or directory/m,
  },
  {
    what: "validate: a target's namespace that its engine does not aim at",
    args: () => [
      'validate',
      '--config',
      config(
        'target-namespace',
        `namespace: catalogue\nengines: [${good()}]\ntargets:\n  - { name: eu, kubeconfig: ${env.sandbox.kubeconfigPath} }\n  - { name: us, kubeconfig: ${env.sandbox.kubeconfigPath}, namespace: shop-us }\n`,
      ),
    ],
    names:
      /^chaos-gate: error: target us: \S+engine\.yaml, document 1 \(ChaosEngine good\): its chaos targets: namespace catalogue is not allowed \(allowed: shop-us\)/m,
  },
  {
    what: 'validate: appLabel for applabel in an engine',
    args: () => [
      'validate',
      '--engine',
      file(
        'validate/app-label.yaml',
        engineYaml('app-label', '  appinfo: { appns: catalogue, appLabel: app=x, appkind: deployment }\n'),
      ),
    ],
    names:
      /app-label\.yaml, document 1 \(ChaosEngine app-label\): field spec\.appinfo\.appLabel: unknown field; did you mean "applabel"\?/,
  },
  {
    what: 'validate: subject for subjects in a RoleBinding',
    args: () => [
      'validate',
      '--engine',
      good(),
      '--rbac',
      file('validate/subject.yaml', misspeltBinding('subject:', 'subjects:')),
    ],
    names:
      /subject\.yaml, document 2 \(RoleBinding typo-sa\): field subject: unknown field; did you mean "subjects"\?/,
  },
  {
    what: 'validate: a report path under a file',
    args: () => ['validate', '--engine', good(), '--summary', path.join(file('summary-parent', 'x'), 's.md')],
    names: /the summary .*summary-parent\/s\.md: .*summary-parent is a file, not a directory/,
  },
];

describe('bad inputs: exit 2, the file or field named, nothing applied', { concurrency: 3 }, () => {
  let before_: Leftovers;
  before(async () => {
    execFileSync('mkfifo', [path.join(dir, 'engine.fifo')]);
    before_ = await leftovers(env.sandbox.kc, namespace);
  });

  test(`the catalogue holds at least 60 cases (${cases.length})`, () => {
    assert.ok(cases.length >= 60);
    assert.equal(new Set(cases.map((c) => c.what)).size, cases.length, 'each case once');
  });

  for (const { what, args, names } of cases) {
    test(what, { timeout: 60_000 }, async () => {
      let argv = args();
      if (argv[0] === 'run' && !argv.includes('--kubeconfig') && !argv.includes('--in-cluster'))
        argv = [...argv, '--kubeconfig', env.sandbox.kubeconfigPath, '--namespace', namespace];
      const result = await runEntry('dist/cli.js', argv, { cwd: dir }).done;
      assert.equal(result.code, 2, `exit ${result.code}:\n${result.stdout}${result.stderr}`);
      assert.match(result.stderr, names);
      assert.doesNotMatch(result.stdout, /applied |submitted /);
      assert.deepEqual(await leftovers(env.sandbox.kc, namespace), before_, 'nothing applied');
    });
  }
});
