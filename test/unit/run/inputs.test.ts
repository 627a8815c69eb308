// What `run` and `validate` refuse before connecting anywhere: every problem names the file (or
// setting) and the field, and no file can hang the step.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { parseCommandLine } from '../../../src/cli/args.ts';
import { resolveConfig } from '../../../src/config/load.ts';
import type { PartialConfig } from '../../../src/config/schema.ts';
import { checkRunInputs } from '../../../src/run/inputs.ts';
import { stringify } from 'yaml';
import { fixturePath, repoRoot } from '../../support/fixtures.ts';

const limit = { timeout: 10_000 };
const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-inputs-'));
const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};
const engineYaml = (name: string, extra = '') =>
  `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata:\n  name: ${name}\nspec:\n  engineState: active\n  experiments:\n    - name: pod-delete\n${extra}`;
const good = file('good.yaml', engineYaml('good'));

function refused(settings: PartialConfig, expected: RegExp): void {
  const { problems } = checkRunInputs(resolveConfig({ namespace: 'shop', ...settings }));
  assert.match(problems.join('\n'), expected);
}

test(
  'files that would hang or mislead are refused by name: a FIFO, /dev/zero, a folder, non-UTF-8, too big',
  limit,
  () => {
    const fifo = path.join(dir, 'engine.fifo');
    execFileSync('mkfifo', [fifo]);
    refused({ engines: [fifo] }, /engine\.fifo: cannot read the manifest: not a regular file/);
    refused({ engines: ['/dev/zero'] }, /\/dev\/zero: cannot read the manifest: not a regular file/);
    refused({ engines: [dir] }, /cannot read the manifest: it is a directory/);
    const latin1 = file(
      'latin1.yaml',
      Buffer.concat([Buffer.from(engineYaml('caf')), Buffer.from([0xe9, 0x0a])]),
    );
    refused(
      { engines: [latin1] },
      /latin1\.yaml: cannot read the manifest: not valid UTF-8 \(first bad byte at offset \d+, line 9\)/,
    );
    const huge = file('huge.yaml', `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    refused(
      { engines: [huge] },
      /huge\.yaml: cannot read the manifest: \d+ bytes is more than the 4 MiB allowed/,
    );
  },
);

test('an empty or comment-only engine file is named, also beside a good one', () => {
  const empty = file('empty.yaml', '');
  const comments = file('comments.yaml', '# TODO: add the engine\n---\n# nothing yet\n');
  refused({ engines: [good, empty] }, /empty\.yaml: holds no objects \(the file is empty or only comments\)/);
  refused({ engines: [comments, good] }, /comments\.yaml: holds no objects/);
});

test('the same object twice, across files or within one, is refused naming both places', () => {
  const again = file('again.yaml', engineYaml('good'));
  refused(
    { engines: [good, again] },
    /again\.yaml, document 1 \(ChaosEngine good\): the same ChaosEngine as .*good\.yaml, document 1 \(ChaosEngine good\)/,
  );
  const twice = file('twice.yaml', `${engineYaml('dup')}---\n${engineYaml('dup')}`);
  refused(
    { engines: [twice] },
    /twice\.yaml, document 2 \(ChaosEngine dup\): the same ChaosEngine as .*twice\.yaml, document 1/,
  );
  // The same name in two namespaces is two objects.
  const elsewhere = file(
    'elsewhere.yaml',
    engineYaml('good').replace('name: good', 'name: good\n  namespace: shop2'),
  );
  const checked = checkRunInputs(
    resolveConfig({ namespace: 'shop', engines: [good, elsewhere], allowNamespaces: ['shop', 'shop2'] }),
  );
  assert.deepEqual(checked.problems, []);
});

test('what the ChaosEngine CRD refuses is refused offline: int probe timeouts, a bad engineState', () => {
  const probe = file(
    'int-timeouts.yaml',
    engineYaml(
      'legacy',
      '      spec:\n        probe:\n          - name: up\n            type: httpProbe\n            mode: Continuous\n            httpProbe/inputs: { url: "http://x", method: { get: { criteria: "==", responseCode: "200" } } }\n            runProperties: { probeTimeout: 5, interval: 2 }\n',
    ),
  );
  refused(
    { engines: [probe] },
    /int-timeouts\.yaml, document 1 \(ChaosEngine legacy\): field spec\.experiments\[0\]\.spec\.probe\[0\]\.runProperties\.probeTimeout: expected text such as "5s" \(Litmus 3 refuses numbers here\), got a number \(5\)$/m,
  );
  const emptyCommand = file(
    'empty-command.yaml',
    engineYaml(
      'empty',
      '      spec:\n        probe:\n          - name: up\n            type: cmdProbe\n            mode: SOT\n            cmdProbe/inputs: { command: "", comparator: { type: int, criteria: "==", value: "0" } }\n            runProperties: { probeTimeout: 5s, interval: 2s }\n',
    ),
  );
  refused(
    { engines: [emptyCommand] },
    /empty-command\.yaml, .*field spec\.experiments\[0\]\.spec\.probe\[0\]\["cmdProbe\/inputs"\]\.command: expected at least 1 character, got text \(""\)$/m,
  );
  const paused = file(
    'paused.yaml',
    engineYaml('paused').replace('engineState: active', 'engineState: paused'),
  );
  refused(
    { engines: [paused] },
    /paused\.yaml, .*field spec\.engineState: expected one of active, stop, got text \("paused"\)$/m,
  );
  const probeMode = file(
    'probe-mode.yaml',
    engineYaml(
      'probed',
      '      spec:\n        probe:\n          - { name: up, type: cmdProbe, mode: Always, runProperties: { probeTimeout: 5s, interval: 2s } }\n',
    ),
  );
  refused(
    { engines: [probeMode] },
    /probe-mode\.yaml, .*field spec\.experiments\[0\]\.spec\.probe\[0\]\.mode: expected one of SOT, EOT, Edge, Continuous, OnChaos, got text \("Always"\)$/m,
  );
  const cronJob = file(
    'cronjob.yaml',
    engineYaml('cron').replace(
      '  engineState: active\n',
      '  appinfo: { appns: shop, applabel: app=cart, appkind: cronjob }\n',
    ),
  );
  refused(
    { engines: [cronJob] },
    /cronjob\.yaml, .*field spec\.appinfo\.appkind: expected one of .*rollout, job, got text \("cronjob"\)$/m,
  );
});

test('a runner type other than go is refused offline: every Litmus 3 CRD allows only go', () => {
  const runner = (name: string, type: string) =>
    file(
      `${name}.yaml`,
      engineYaml(name).replace(
        '  engineState: active\n',
        `  engineState: active\n  components:\n    runner: { image: "litmuschaos/chaos-runner:3.18.0", type: ${type} }\n`,
      ),
    );
  refused(
    { engines: [runner('ansible', 'ansible')] },
    /ansible\.yaml, document 1 \(ChaosEngine ansible\): field spec\.components\.runner\.type: expected go, got text \("ansible"\)$/m,
  );
  assert.deepEqual(
    checkRunInputs(resolveConfig({ namespace: 'shop', engines: [runner('go', 'go')] })).problems,
    [],
  );
});

test('a Job as the target (appkind: job) passes offline: Litmus 3.31 reads it', () => {
  const job = file(
    'job.yaml',
    engineYaml('batch').replace(
      '  engineState: active\n',
      '  appinfo: { appns: shop, applabel: app=batch, appkind: job }\n',
    ),
  );
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [job] })).problems, []);
});

test('a misspelt key in appinfo is refused offline: server-side apply would drop it without a word', () => {
  const typo = file(
    'app-label.yaml',
    engineYaml('typo').replace(
      '  engineState: active\n',
      '  engineState: active\n  appinfo: { appns: shop, appLabel: app=cart, appkind: deployment }\n',
    ),
  );
  refused(
    { engines: [typo] },
    /\/app-label\.yaml, document 1 \(ChaosEngine typo\): field spec\.appinfo\.appLabel: unknown field; did you mean "applabel"\? \(Litmus would ignore it\)$/m,
  );
  // Under spec, where the CRD keeps unknown fields, chaos-gate does not guess.
  const kept = file(
    'kept.yaml',
    engineYaml('kept').replace('  engineState: active\n', '  annotationCheck: "false"\n'),
  );
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [kept] })).problems, []);
});

test('a misspelt field of a built-in RBAC object is refused offline, naming file, document and field', () => {
  const rbac = file(
    'typo-rbac.yaml',
    [
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: sa }\nautomountServiceAccountToken: false\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\nrules: [{ apiGroups: [""], resources: [pods], verb: [get] }]\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: rb }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: r }\nsubject: [{ kind: ServiceAccount, name: sa }]\n',
    ].join('---\n'),
  );
  const { problems } = checkRunInputs(resolveConfig({ namespace: 'shop', engines: [good], rbac: [rbac] }));
  assert.deepEqual(problems, [
    `${rbac}, document 2 (Role r): field rules[0].verb: unknown field; did you mean "verbs"?`,
    `${rbac}, document 3 (RoleBinding rb): field subject: unknown field; did you mean "subjects"?`,
  ]);
  // The RBAC files of the examples and fixtures pass; kinds without rules are left to the server.
  const other = file('other.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndta: {}\n');
  const fine = checkRunInputs(
    resolveConfig({
      namespace: 'shop',
      engines: [good],
      rbac: [path.join(repoRoot, 'examples/pod-delete/rbac.yaml'), other],
    }),
  );
  assert.deepEqual(fine.problems, []);
  assert.equal(fine.inputs.manifests.length, 5);
});

test('a misspelt metadata field is refused offline for every kind, as the server refuses it in preflight', () => {
  const rbac = file(
    'meta-rbac.yaml',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: rb, lables: { a: b } }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: r }\n',
  );
  const engine = file(
    'meta-engine.yaml',
    engineYaml('meta').replace('  name: meta\n', '  name: meta\n  clusterName: eu\n'),
  );
  const workflow = file(
    'meta-workflow.yaml',
    'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { generateName: chaos-, annotation: { a: b } }\nspec: { entrypoint: main, templates: [{ name: main, container: { image: alpine } }] }\n',
  );
  const { problems } = checkRunInputs(
    resolveConfig({ namespace: 'shop', engines: [engine], rbac: [rbac], workflow: { file: workflow } }),
  );
  assert.deepEqual(problems, [
    `${rbac}, document 1 (RoleBinding rb): field metadata.lables: unknown field; did you mean "labels"? (not in ObjectMeta, so the server would refuse it)`,
    `${engine}, document 1 (ChaosEngine meta): field metadata.clusterName: unknown field (not in ObjectMeta, so the server would refuse it)`,
    `${workflow} (Workflow chaos-): field metadata.annotation: unknown field; did you mean "annotations"? (not in ObjectMeta, so the server would refuse it)`,
  ]);
  // Every field ObjectMeta has passes, those only the server sets included.
  const full = file(
    'meta-full.yaml',
    engineYaml('full').replace(
      '  name: full\n',
      '  name: full\n  labels: {a: b}\n  annotations: {a: b}\n  finalizers: [a/b]\n  ownerReferences: []\n  uid: u\n  resourceVersion: "1"\n  generation: 1\n  selfLink: /x\n',
    ),
  );
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [full] })).problems, []);
});

test('Litmus 3 selectors of the wrong shape are named by field, also where they set the blast radius', () => {
  const withSelectors = (name: string, selectors: string) =>
    file(
      `${name}.yaml`,
      engineYaml(name).replace('  engineState: active\n', `  engineState: active\n${selectors}`),
    );
  refused(
    { engines: [withSelectors('as-map', '  selectors: {workloads: {kind: deployment, namespace: shop}}\n')] },
    /as-map\.yaml, document 1 \(ChaosEngine as-map\): field spec\.selectors\.workloads: expected a list, got a mapping$/,
  );
  refused(
    {
      engines: [
        withSelectors(
          'ns-number',
          '  selectors: {workloads: [{kind: deployment, namespace: 5, names: cart}]}\n',
        ),
      ],
    },
    /ns-number\.yaml, .*field spec\.selectors\.workloads\[0\]\.namespace: expected text, got a number \(5\)$/m,
  );
  refused(
    {
      engines: [
        withSelectors(
          'both',
          '  selectors: {workloads: [{kind: deployment, namespace: shop, names: a, labels: app=a}]}\n',
        ),
      ],
    },
    /both\.yaml, .*field spec\.selectors\.workloads\[0\]: needs names or labels, not both/,
  );
  const inShop = withSelectors('in-shop', '  selectors: {pods: [{names: cart-0, namespace: shop}]}\n');
  const checked = checkRunInputs(resolveConfig({ namespace: 'shop', engines: [inShop] }));
  assert.deepEqual([checked.problems, checked.inputs.manifests.length], [[], 1]);
});

test('an engine without experiments is refused: it would run no chaos; a typo such as experimentz says which', () => {
  const none = file('none.yaml', engineYaml('none').replace(/ {2}experiments:\n.*\n/, ''));
  refused(
    { engines: [none] },
    /none\.yaml, document 1 \(ChaosEngine none\): field spec\.experiments: required; an engine without experiments runs no chaos/,
  );
  const typo = file('typo.yaml', engineYaml('typo').replace('  experiments:', '  experimentz:'));
  refused(
    { engines: [typo] },
    /typo\.yaml, document 1 \(ChaosEngine typo\): field spec\.experimentz: unknown field; did you mean "experiments"\?/,
  );
});

test('metadata that is not text is named, not crashed on', () => {
  const numbered = file(
    'ns-7.yaml',
    engineYaml('seven').replace('  name: seven\n', '  name: seven\n  namespace: 7\n'),
  );
  refused(
    { engines: [numbered] },
    /ns-7\.yaml, document 1: field metadata\.namespace: expected text, got a number \(7\)$/m,
  );
  const numberName = file('name-5.yaml', engineYaml('x').replace('  name: x\n', '  name: 5\n'));
  refused(
    { engines: [numberName] },
    /name-5\.yaml, document 1: field metadata\.name: expected text, got a number \(5\)$/m,
  );
});

test('a file that cannot be read does not hide the other problems: all are told at once', () => {
  const paused = file(
    'paused-too.yaml',
    engineYaml('paused-too').replace('engineState: active', 'engineState: paused'),
  );
  const empty = file('empty-engines.yaml', '# nothing yet\n');
  const { problems } = checkRunInputs(
    resolveConfig({
      namespace: 'shop',
      rbac: [path.join(dir, 'no-such-rbac.yaml')],
      engines: [paused, empty],
      reports: { junit: path.join(dir, 'same.xml'), json: path.join(dir, 'same.xml') },
    }),
  );
  const all = problems.join('\n');
  assert.match(problems[0] ?? '', /no-such-rbac\.yaml: cannot read the manifest/);
  assert.match(problems[1] ?? '', /empty-engines\.yaml: /);
  assert.ok(
    problems.some((line) => /paused-too\.yaml, .*field spec\.engineState/.test(line)),
    all,
  );
  assert.ok(
    problems.some((line) => /same\.xml: the same file as the JUnit report/.test(line)),
    all,
  );
});

test('report paths are checked before any chaos: under a file, a folder, twice the same', () => {
  const plain = file('plain.txt', 'x');
  refused(
    { engines: [good], reports: { junit: path.join(plain, 'junit.xml') } },
    /the JUnit report .*plain\.txt\/junit\.xml: .*plain\.txt is a file, not a directory/,
  );
  refused({ engines: [good], reports: { json: dir } }, /the JSON report .*: is a directory/);
  const same = path.join(dir, 'out', 'report.xml');
  refused(
    { engines: [good], reports: { junit: same, html: same } },
    /the HTML report .*: the same file as the JUnit report/,
  );
});

test("the HTML report's stylesheet is a file written too: no other report may be it", () => {
  const page = path.join(dir, 'out', 'r.html');
  const css = path.join(dir, 'out', 'r.css');
  const problems = (reports: PartialConfig['reports']) =>
    checkRunInputs(resolveConfig({ namespace: 'shop', engines: [good], reports })).problems;
  assert.deepEqual(problems({ json: css, html: page }), [
    `the HTML report's stylesheet ${css}: the same file as the JSON report`,
  ]);
  assert.deepEqual(problems({ html: page, summary: css }), [
    `the summary ${css}: the same file as the HTML report's stylesheet`,
  ]);
  // A page named .css would be its own stylesheet.
  assert.deepEqual(problems({ html: css }), [
    `the HTML report's stylesheet ${css}: the same file as the HTML report`,
  ]);
});

test('a report over a file the run reads is refused, naming both: it would destroy the input', () => {
  const rbac = file('over-rbac.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n');
  const { problems } = checkRunInputs(
    resolveConfig({ engines: [good], rbac: [rbac], reports: { junit: good, json: rbac } }),
  );
  assert.deepEqual(problems, [
    `the JUnit report ${good}: the same file as the engine file ${good}, which it would overwrite`,
    `the JSON report ${rbac}: the same file as the RBAC file ${rbac}, which it would overwrite`,
  ]);
});

test('durations run from 1s to 24h: --timeout 0 and 1000h are refused, naming the flag', () => {
  for (const [value, expected] of [
    ['0', /command line: --timeout: expected a duration of 1s or more, got text \("0"\)$/],
    ['1000h', /command line: --timeout: expected a duration of 24h or less, got text \("1000h"\)$/],
    ['500ms', /command line: --timeout: expected a duration of 1s or more, got text \("500ms"\)$/],
  ] as const) {
    assert.throws(() => parseCommandLine(['run', '--timeout', value]), expected);
  }
  assert.throws(
    () => parseCommandLine(['run', '--stop-timeout', '25h']),
    /--stop-timeout: expected a duration of 24h or less, got text \("25h"\)/,
  );
  assert.equal(resolveConfig(parseCommandLine(['run', '--timeout', '24h']).layer).timeoutMs, 86_400_000);
});

test('nothing to run is said, and without a config file, that one can name the engines', () => {
  const none = resolveConfig({ namespace: 'shop' });
  assert.deepEqual(checkRunInputs(none).problems, [
    'nothing to run: give ChaosEngines (engines, --engine) or an Argo Workflow (workflow, --workflow, --workflow-template), ' +
      'or the config file that names them (--config FILE)',
  ]);
  assert.deepEqual(checkRunInputs({ ...none, configFile: 'chaos-gate.yaml' }).problems, [
    'nothing to run: give ChaosEngines (engines, --engine) or an Argo Workflow (workflow, --workflow, --workflow-template)',
  ]);
});

test('a spec field of an engine a typo away from one Litmus reads is refused: the CRD would keep it, Litmus ignore it', () => {
  const typo = file(
    'app-info.yaml',
    engineYaml('typo').replace(
      '  engineState: active\n',
      '  enginestate: stop\n  appInfo: { appns: shop, applabel: app=cart, appkind: deployment }\n',
    ),
  );
  const { problems } = checkRunInputs(resolveConfig({ namespace: 'shop', engines: [typo] }));
  assert.deepEqual(problems, [
    `${typo}, document 1 (ChaosEngine typo): field spec.enginestate: unknown field; did you mean "engineState"? (Litmus would ignore it)`,
    `${typo}, document 1 (ChaosEngine typo): field spec.appInfo: unknown field; did you mean "appinfo"? (Litmus would ignore it)`,
  ]);
  // A field far from every known one may be a newer Litmus's: it passes.
  const newer = file(
    'newer.yaml',
    engineYaml('newer').replace(
      '  engineState: active\n',
      '  engineState: active\n  chaosTimeoutPolicy: keep\n',
    ),
  );
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [newer] })).problems, []);
});

/** An engine in `name`.yaml with one experiment, as given. */
const withExperiment = (name: string, experiment: Record<string, unknown>) =>
  file(
    `${name}.yaml`,
    stringify({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name },
      spec: { engineState: 'active', experiments: [experiment] },
    }),
  );
const httpProbe = {
  name: 'up',
  type: 'httpProbe',
  mode: 'Continuous',
  'httpProbe/inputs': { url: 'http://x', method: { get: { criteria: '==', responseCode: '200' } } },
  runProperties: { probeTimeout: '5s', interval: '2s' },
};
const withProbe = (name: string, probe: Record<string, unknown>) =>
  withExperiment(name, { name: 'pod-delete', spec: { probe: [probe] } });

/** An engine file, and the problems it is refused with, each after the file and document. */
interface EngineCase {
  what: string;
  engine: string;
  says: string[];
}

/** Each case a subtest: its engine is refused with exactly its problems. */
async function refusedEach(t: TestContext, cases: EngineCase[]): Promise<void> {
  for (const { what, engine, says } of cases)
    await t.test(what, () => {
      const name = path.basename(engine, '.yaml');
      const { problems } = checkRunInputs(resolveConfig({ namespace: 'shop', engines: [engine] }));
      assert.deepEqual(
        problems,
        says.map((line) => `${engine}, document 1 (ChaosEngine ${name}): ${line}`),
      );
    });
}

test('a misspelt field inside an experiment is refused offline at any depth, saying which was meant', async (t) => {
  const meant = (field: string, name: string) =>
    `field ${field}: unknown field; did you mean "${name}"? (Litmus would ignore it)`;
  const cases: EngineCase[] = [
    {
      what: "an experiment's name",
      engine: withExperiment('experiment-name', { nmae: 'pod-delete' }),
      says: [
        'field spec.experiments[0].name: expected text, got nothing',
        meant('spec.experiments[0].nmae', 'name'),
      ],
    },
    {
      what: 'the probes of an experiment',
      engine: withExperiment('probes', { name: 'pod-delete', spec: { probes: [httpProbe] } }),
      says: [meant('spec.experiments[0].spec.probes', 'probe')],
    },
    {
      what: 'the name of an env var',
      engine: withExperiment('env-name', {
        name: 'pod-delete',
        spec: { components: { env: [{ nmae: 'TOTAL_CHAOS_DURATION', value: '60' }] } },
      }),
      says: [meant('spec.experiments[0].spec.components.env[0].nmae', 'name')],
    },
    {
      what: 'the key of a secret an env var reads',
      engine: withExperiment('secret-key', {
        name: 'pod-delete',
        spec: {
          components: { env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', kye: 'token' } } }] },
        },
      }),
      says: [meant('spec.experiments[0].spec.components.env[0].valueFrom.secretKeyRef.kye', 'key')],
    },
    {
      what: 'the limits of resources and the effect of a toleration',
      engine: withExperiment('resources', {
        name: 'pod-delete',
        spec: {
          components: {
            resources: { limit: { cpu: '100m' } },
            tolerations: [{ key: 'dedicated', operator: 'Exists', efect: 'NoSchedule' }],
          },
        },
      }),
      says: [
        meant('spec.experiments[0].spec.components.resources.limit', 'limits'),
        meant('spec.experiments[0].spec.components.tolerations[0].efect', 'effect'),
      ],
    },
    {
      what: "a probe's mode",
      engine: withProbe('probe-mode', { ...httpProbe, mode: undefined, mdoe: 'Continuous' }),
      says: [
        'field spec.experiments[0].spec.probe[0].mode: expected one of SOT, EOT, Edge, Continuous, OnChaos, got nothing',
        meant('spec.experiments[0].spec.probe[0].mdoe', 'mode'),
      ],
    },
    {
      what: "a probe's runProperties",
      engine: withProbe('run-property', {
        ...httpProbe,
        runProperties: undefined,
        runProperty: httpProbe.runProperties,
      }),
      says: [
        'field spec.experiments[0].spec.probe[0].runProperties: expected a mapping, got nothing',
        meant('spec.experiments[0].spec.probe[0].runProperty', 'runProperties'),
      ],
    },
    {
      what: "a probe's inputs",
      engine: withProbe('probe-inputs', {
        ...httpProbe,
        'httpProbe/inputs': undefined,
        'httpProbe/input': httpProbe['httpProbe/inputs'],
      }),
      says: [meant('spec.experiments[0].spec.probe[0]["httpProbe/input"]', 'httpProbe/inputs')],
    },
    {
      what: 'a runProperties field',
      engine: withProbe('initial-delay', {
        ...httpProbe,
        runProperties: { ...httpProbe.runProperties, initalDelay: '2s' },
      }),
      says: [meant('spec.experiments[0].spec.probe[0].runProperties.initalDelay', 'initialDelay')],
    },
    {
      what: "an HTTP probe's response code",
      engine: withProbe('response-code', {
        ...httpProbe,
        'httpProbe/inputs': { url: 'http://x', method: { get: { criteria: '==', responsecode: '200' } } },
      }),
      says: [
        'field spec.experiments[0].spec.probe[0]["httpProbe/inputs"].method.get.responseCode: expected text, got nothing',
        meant(
          'spec.experiments[0].spec.probe[0]["httpProbe/inputs"].method.get.responsecode',
          'responseCode',
        ),
      ],
    },
    {
      what: "the image pull policy of a cmdProbe's pod",
      engine: withProbe('probe-source', {
        ...httpProbe,
        type: 'cmdProbe',
        'httpProbe/inputs': undefined,
        'cmdProbe/inputs': {
          command: 'echo up',
          comparator: { type: 'string', criteria: 'equal', value: 'up' },
          source: { image: 'busybox', imagePullpolicy: 'Always' },
        },
      }),
      says: [
        meant(
          'spec.experiments[0].spec.probe[0]["cmdProbe/inputs"].source.imagePullpolicy',
          'imagePullPolicy',
        ),
      ],
    },
  ];
  await refusedEach(t, cases);
});

/** An engine in `name`.yaml with an experiment and `spec`'s fields. */
const withSpec = (name: string, spec: Record<string, unknown>) =>
  file(
    `${name}.yaml`,
    stringify({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name },
      spec: { engineState: 'active', experiments: [{ name: 'pod-delete' }], ...spec },
    }),
  );

test('a misspelt field of the runner, its sidecars or the selectors is refused offline', async (t) => {
  const cases: EngineCase[] = [
    {
      what: "the runner's image and a toleration's effect",
      engine: withSpec('runner', {
        components: {
          runner: {
            imgae: 'litmuschaos/chaos-runner:3.18.0',
            tolerations: [{ key: 'a', efect: 'NoSchedule' }],
          },
        },
      }),
      says: [
        'field spec.components.runner.imgae: unknown field; did you mean "image"? (Litmus would ignore it)',
        'field spec.components.runner.tolerations[0].efect: unknown field; did you mean "effect"? (Litmus would ignore it)',
      ],
    },
    {
      what: 'the runner itself',
      engine: withSpec('runer', { components: { runer: { image: 'litmuschaos/chaos-runner:3.18.0' } } }),
      says: ['field spec.components.runer: unknown field; did you mean "runner"? (Litmus would ignore it)'],
    },
    {
      what: "a sidecar's pull policy, and a key no sidecar has",
      engine: withSpec('sidecar', {
        components: { sidecar: [{ image: 'envoy', imagePullpolicy: 'Always', command: ['envoy'] }] },
      }),
      says: [
        'field spec.components.sidecar[0].imagePullpolicy: unknown field; did you mean "imagePullPolicy"? (Litmus would ignore it)',
        'field spec.components.sidecar[0].command: unknown field (Litmus would ignore it)',
      ],
    },
    {
      what: "a sidecar's env from a secret",
      engine: withSpec('env-from', {
        components: { sidecar: [{ image: 'envoy', envFrom: [{ secretRef: { nmae: 'tokens' } }] }] },
      }),
      says: [
        'field spec.components.sidecar[0].envFrom[0].secretRef.nmae: unknown field; did you mean "name"? (Litmus would ignore it)',
      ],
    },
    {
      what: "a workload's labels",
      engine: withSpec('selectors', {
        selectors: {
          workloads: [{ kind: 'deployment', namespace: 'shop', names: 'checkout', label: 'app=checkout' }],
        },
      }),
      says: [
        'field spec.selectors.workloads[0].label: unknown field; did you mean "labels"? (Litmus would ignore it)',
      ],
    },
    {
      what: "a pod's namespace",
      engine: withSpec('pods', {
        selectors: { pods: [{ names: 'checkout-0', namespace: 'shop', namepsace: 'web' }] },
      }),
      says: [
        'field spec.selectors.pods[0].namepsace: unknown field; did you mean "namespace"? (Litmus would ignore it)',
      ],
    },
  ];
  await refusedEach(t, cases);
  await t.test("a runner field far from all may be a newer Litmus's: it passes", () => {
    const newer = withSpec('runner-newer', {
      components: { runner: { image: 'r', priorityClassName: 'high' } },
    });
    assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [newer] })).problems, []);
  });
});

test("where an experiment has settled fields any other key is refused; elsewhere one far from all may be a newer Litmus's", () => {
  const closed = withExperiment('env-default', {
    name: 'pod-delete',
    spec: { components: { env: [{ name: 'A', value: '1', default: '2' }] } },
  });
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [closed] })).problems, [
    `${closed}, document 1 (ChaosEngine env-default): field spec.experiments[0].spec.components.env[0].default: unknown field (Litmus would ignore it)`,
  ]);
  const newer = withProbe('newer-fields', {
    ...httpProbe,
    runProperties: { ...httpProbe.runProperties, jitter: '1s' },
  });
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [newer] })).problems, []);
});

test('fields of Litmus 1.x and 2.x pass: the known fields are those of every version', () => {
  const older = file(
    'older.yaml',
    stringify({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosEngine',
      metadata: { name: 'older' },
      spec: {
        annotationCheck: 'false',
        defaultAppHealthCheck: 'false',
        components: {
          monitor: { image: 'litmuschaos/chaos-exporter:1.2.0' },
          runner: { runnerannotation: { a: 'b' } },
        },
        experiments: [
          {
            name: 'pod-delete',
            spec: {
              rank: 1,
              components: { experimentannotation: { a: 'b' }, env: [{ name: 'A', value: '1' }] },
              probe: [
                {
                  ...httpProbe,
                  'httpProbe/inputs': { ...httpProbe['httpProbe/inputs'], responseTimeout: 5 },
                  runProperties: { ...httpProbe.runProperties, retry: 1, initialDelaySeconds: 2 },
                },
                {
                  ...httpProbe,
                  type: 'cmdProbe',
                  'httpProbe/inputs': undefined,
                  'cmdProbe/inputs': {
                    command: 'echo up',
                    source: 'inline',
                    comparator: { type: 'string', criteria: 'equal', value: 'up' },
                  },
                },
              ],
            },
          },
        ],
      },
    }),
  );
  assert.deepEqual(checkRunInputs(resolveConfig({ namespace: 'shop', engines: [older] })).problems, []);
});

test('engines with every runner, selector and experiment field and a probe of each type pass', () => {
  const { problems, inputs } = checkRunInputs(
    resolveConfig({ namespace: 'shop', engines: [fixturePath('litmus/engines/every-field.yaml')] }),
  );
  assert.deepEqual([problems, inputs.manifests.length], [[], 2]);
});

let workflows = 0;
/** The problems `run` and `validate` find before connecting in a workflow file holding `spec`. */
function workflowProblems(spec: Record<string, unknown>): { source: string; problems: string[] } {
  const at = file(
    `workflow-${++workflows}.yaml`,
    stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'chaos-' },
      spec,
    }),
  );
  const { problems } = checkRunInputs(resolveConfig({ namespace: 'shop', workflow: { file: at } }));
  return { source: `${at} (Workflow chaos-)`, problems };
}
const container = (name: string) => ({ name, container: { image: 'alpine' } });

test('a step, in any group of parallel steps, or a DAG task running a template the workflow does not define is refused offline', () => {
  const { source, problems } = workflowProblems({
    entrypoint: 'main',
    templates: [
      {
        name: 'main',
        steps: [
          [{ name: 'load', template: 'load-test' }],
          [
            { name: 'verify', template: 'checks' },
            { name: 'inject', template: 'injet' },
          ],
        ],
      },
      { name: 'checks', dag: { tasks: [{ name: 'probe', template: 'prob' }] } },
      container('load-test'),
      container('inject'),
      container('probe'),
    ],
  });
  assert.deepEqual(problems, [
    `${source}: templates.main.steps[1].inject: the workflow has no template "injet"; did you mean "inject"?`,
    `${source}: templates.checks.tasks.probe: the workflow has no template "prob"; did you mean "probe"?`,
  ]);
});

test("a workflow's entrypoint or exit handler (onExit) naming no template of it is refused offline", () => {
  const { source, problems } = workflowProblems({
    entrypoint: 'mian',
    onExit: 'cleanup',
    templates: [container('main'), container('notify')],
  });
  assert.deepEqual(problems, [
    `${source}: spec.entrypoint: the workflow has no template "mian"; did you mean "main"?`,
    `${source}: spec.onExit: the workflow has no template "cleanup"; it has "main", "notify"`,
  ]);
});

test("hooks naming no template of the workflow are refused offline: the spec's, a step's, a task's, a step's onExit", () => {
  const { source, problems } = workflowProblems({
    entrypoint: 'main',
    hooks: { exit: { template: 'notfy' } },
    templates: [
      {
        name: 'main',
        steps: [
          [{ name: 'inject', template: 'inject', onExit: 'notfy', hooks: { exit: { template: 'notfy' } } }],
        ],
      },
      {
        name: 'checks',
        dag: {
          tasks: [
            {
              name: 'probe',
              template: 'inject',
              hooks: { running: { expression: 'tasks.probe.status == "Running"', template: 'notfy' } },
            },
          ],
        },
      },
      container('inject'),
      container('notify'),
    ],
  });
  const refused = (path: string) =>
    `${source}: ${path}: the workflow has no template "notfy"; did you mean "notify"?`;
  assert.deepEqual(problems, [
    refused('spec.hooks.exit'),
    refused('templates.main.steps[0].inject.onExit'),
    refused('templates.main.steps[0].inject.hooks.exit'),
    refused('templates.checks.tasks.probe.hooks.running'),
  ]);
});

test('a step or task inside an inline steps or DAG template naming a template the workflow does not define is refused offline', () => {
  const { source, problems } = workflowProblems({
    entrypoint: 'main',
    templates: [
      {
        name: 'main',
        steps: [
          [
            {
              name: 'chaos',
              inline: {
                dag: {
                  tasks: [
                    { name: 'inject', template: 'injet' },
                    { name: 'probe', inline: { steps: [[{ name: 'verify', template: 'verfy' }]] } },
                  ],
                },
              },
            },
          ],
        ],
      },
      container('inject'),
      container('verify'),
    ],
  });
  assert.deepEqual(problems, [
    `${source}: templates.main.steps[0].chaos.inline.tasks.inject: the workflow has no template "injet"; did you mean "inject"?`,
    `${source}: templates.main.steps[0].chaos.inline.tasks.probe.inline.steps[0].verify: the workflow has no template "verfy"; did you mean "verify"?`,
  ]);
});

test('names offline checks cannot know are left: parameters, templateRefs, inline templates, a workflowTemplateRef', () => {
  const { problems } = workflowProblems({
    entrypoint: '{{workflow.parameters.entry}}',
    templates: [
      {
        name: 'main',
        steps: [
          [
            // Resolved when the step runs, as Argo resolves it.
            { name: 'chosen', template: '{{inputs.parameters.which}}' },
            // Preflight reads the WorkflowTemplate.
            { name: 'shared', templateRef: { name: 'lib', template: 'inject' } },
            { name: 'inline', inline: { container: { image: 'alpine' } } },
          ],
        ],
      },
    ],
  });
  assert.deepEqual(problems, []);
  // Its names are those of the template it runs, which preflight reads.
  const { problems: fromTemplate } = workflowProblems({
    workflowTemplateRef: { name: 'lib' },
    entrypoint: 'inject',
    onExit: 'cleanup',
  });
  assert.deepEqual(fromTemplate, []);
});

test('a workflow the controller would fail for its shape is refused offline: no entrypoint, or templates beside a workflowTemplateRef', () => {
  const { source, problems } = workflowProblems({ templates: [container('inject')] });
  assert.deepEqual(problems, [
    `${source}: spec.entrypoint: required: the controller would fail the workflow without it`,
  ]);
  const both = workflowProblems({
    workflowTemplateRef: { name: 'lib' },
    templates: [container('inject')],
  });
  assert.deepEqual(both.problems, [
    `${both.source}: spec.templates: a workflow that runs a WorkflowTemplate (spec.workflowTemplateRef) cannot have templates of its own; the controller would fail it: move them into the WorkflowTemplate`,
  ]);
});
