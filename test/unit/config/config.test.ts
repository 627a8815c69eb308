import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseCommandLine } from '../../../src/cli/args.ts';
import { readConfigFile, resolveConfig } from '../../../src/config/load.ts';
import { ConfigError } from '../../../src/errors.ts';
import { registerSecret } from '../../../src/secrets.ts';

function configFile(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-config-'));
  const file = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(file, text);
  return file;
}

test('durations: units and combinations; a bare number is refused, as seconds and minutes both read it', () => {
  const timeoutOf = (timeout: string) =>
    resolveConfig(readConfigFile(configFile(`timeout: ${timeout}\n`))).timeoutMs;
  assert.equal(timeoutOf('90s'), 90_000);
  assert.equal(timeoutOf('1h30m'), 5_400_000);
  assert.equal(timeoutOf('1500ms'), 1500);
  for (const bare of ['45', '"45"', '2.5'])
    assert.throws(
      () => timeoutOf(bare),
      (error: Error) =>
        error instanceof ConfigError &&
        /timeout: 2?\.?[45]+ has no unit: write [\d.]+s for seconds or [\d.]+m for minutes/.test(
          error.message,
        ),
    );
  for (const wrong of ['soon', '10 minutes'])
    assert.throws(() => timeoutOf(wrong), /timeout: expected a duration such as 500ms, 90s, 15m or 1h30m/);
});

test('a config file resolves paths relative to itself and fills defaults', () => {
  const file = configFile(
    `engines: [engines/pod-delete.yaml]\nrbac: rbac.yaml\ntimeout: 10m\ngate:\n  minProbeSuccess: 80\n`,
  );
  const config = resolveConfig(readConfigFile(file));
  const dir = path.dirname(file);
  assert.deepEqual(config.engines, [path.join(dir, 'engines/pod-delete.yaml')]);
  assert.deepEqual(config.rbac, [path.join(dir, 'rbac.yaml')]);
  assert.equal(config.timeoutMs, 600_000);
  assert.equal(config.cleanup, 'always');
  assert.equal(config.gate.minProbeSuccess, 80);
  assert.equal(config.gate.stopped, 'fail');
});

test('flags override the file field by field', () => {
  const file = configFile(`engines: [a.yaml]\ntimeout: 10m\ngate:\n  minProbeSuccess: 80\n  stopped: skip\n`);
  const parsed = parseCommandLine(['run', '--config', file, '--timeout', '2m', '--min-probe-success', '90']);
  const config = resolveConfig(readConfigFile(file), parsed.layer);
  assert.equal(config.timeoutMs, 120_000);
  assert.equal(config.gate.minProbeSuccess, 90);
  assert.equal(config.gate.stopped, 'skip', 'a field the flags do not set keeps the file value');
  assert.equal(config.engines.length, 1);
});

test("merge's expected count of reports: in the config file, overridden by --expect, and a whole number", () => {
  const file = configFile(`merge:\n  expect: 3\n`);
  assert.equal(resolveConfig(readConfigFile(file)).merge.expect, 3);
  const parsed = parseCommandLine(['merge', 'a.json', '--config', file, '--expect', '2']);
  assert.equal(resolveConfig(readConfigFile(file), parsed.layer).merge.expect, 2);
  assert.throws(
    () => parseCommandLine(['merge', 'a.json', '--expect', '1.5']),
    /^ConfigError: command line: --expect: expected a whole number, got a number \(1\.5\)$/,
  );
  assert.throws(
    () => readConfigFile(configFile(`merge:\n  expect: 0\n`)),
    /chaos-gate\.yaml: merge\.expect: expected 1 or more/,
  );
});

test('unknown keys, wrong types and bad durations name the file and field', () => {
  const cases: [string, RegExp][] = [
    ['engins: [a.yaml]\n', /chaos-gate\.yaml: engins: unknown field/],
    ['gate:\n  minProbeSucess: 80\n', /chaos-gate\.yaml: gate\.minProbeSucess: unknown field/],
    [
      'gate:\n  minProbeSuccess: high\n',
      /chaos-gate\.yaml: gate\.minProbeSuccess: expected a percentage 0-100 such as 90 or 90%, got text \("high"\)$/,
    ],
    [
      'timeout: soon\n',
      /chaos-gate\.yaml: timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)$/,
    ],
    ['timeout: [10m, 5m]\n', /chaos-gate\.yaml: timeout: expected text or a number, got a list$/],
    [
      'cleanup: sometimes\n',
      /chaos-gate\.yaml: cleanup: expected one of always, on-success, never, got text \("sometimes"\)$/,
    ],
    ['parallelTargets: five\n', /chaos-gate\.yaml: parallelTargets: expected a number, got text \("five"\)$/],
    ['gate: {failOnFailure: "yes"}\n', /gate\.failOnFailure: expected true or false, got text \("yes"\)$/],
    ['namespace: [a, b]\n', /chaos-gate\.yaml: namespace: expected text, got a list$/],
    ['parallelTargets: 0\n', /chaos-gate\.yaml: parallelTargets: expected 1 or more, got a number \(0\)$/],
    ['parallelTargets: 2.5\n', /parallelTargets: expected a whole number, got a number \(2\.5\)$/],
    ['targets: []\n', /chaos-gate\.yaml: targets: expected at least 1 item, got an empty list$/],
    [
      'targets: [{name: eu}, {context: b}]\n',
      /chaos-gate\.yaml: targets\[1\]\.name: expected text, got nothing$/,
    ],
    ['engines: [a.yaml\n', /chaos-gate\.yaml: invalid YAML/],
    [
      'engines: {a: x.yaml}\n',
      /chaos-gate\.yaml: engines: expected a file path or a list of file paths, got a mapping$/,
    ],
    [
      'kubeconfig: 5\n',
      /chaos-gate\.yaml: kubeconfig: expected a file path or a list of file paths, got a number \(5\)$/,
    ],
    [
      'load: {command: 5}\n',
      /chaos-gate\.yaml: load\.command: expected a command line or a list of the program and its arguments, got a number \(5\)$/,
    ],
    [
      'targets:\n  - {name: eu, context: a}\n  - {name: eu, context: b}\n',
      /chaos-gate\.yaml: targets: the name "eu" is given twice; each target needs its own/,
    ],
    // "Billion laughs": aliases that would expand to billions of values.
    [
      [
        'a: &a [x, x, x, x, x, x, x, x, x]',
        ...'bcdefghi'
          .split('')
          .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
      ].join('\n'),
      /chaos-gate\.yaml: invalid YAML: Excessive alias count/,
    ],
  ];
  for (const [text, expected] of cases) {
    const file = configFile(text);
    assert.throws(
      () => readConfigFile(file),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, `${text}: ${String(error)}`);
        assert.match(error.message, expected);
        assert.ok(error.message.includes(file), 'the message names the file');
        return true;
      },
    );
  }
});

test('bad flags name the flag, not the config field', () => {
  assert.throws(
    () => parseCommandLine(['run', '--timeout', 'soon']),
    /command line: --timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)$/,
  );
  assert.throws(
    () => parseCommandLine(['run', '--min-probe-success', 'lots']),
    /command line: --min-probe-success: expected a percentage 0-100 such as 90 or 90%, got text \("lots"\)$/,
  );
  assert.throws(() => parseCommandLine(['run', '--stopped-as', 'maybe']), /--stopped-as: /);
});

test('an unknown flag or config field is named with the known one it is closest to, if one is close', () => {
  const flags: [string[], string][] = [
    [['--engines', 'x.yaml'], 'unknown flag --engines; did you mean --engine?'],
    [['--engines=x.yaml'], 'unknown flag --engines; did you mean --engine?'],
    [['--engnie', 'x.yaml'], 'unknown flag --engnie; did you mean --engine?'],
    // Node reads it as -e -n -g …; the user typed one flag.
    [['-engine', 'x.yaml'], 'unknown flag -engine; did you mean --engine?'],
    [
      ['--no-junit-case-propertis'],
      'unknown flag --no-junit-case-propertis; did you mean --no-junit-case-properties?',
    ],
    [['--Namespace', 'shop'], 'unknown flag --Namespace; did you mean --namespace?'],
    [['--verbose'], 'unknown flag --verbose'],
  ];
  for (const [argv, expected] of flags) {
    assert.throws(
      () => parseCommandLine(['run', ...argv]),
      (error: unknown) => error instanceof ConfigError && error.message === `command line: ${expected}`,
      argv.join(' '),
    );
  }
  const fields: [string, string][] = [
    ['engine: [a.yaml]\n', 'engine: unknown field; did you mean "engines"?'],
    ['reports: {junt: a.xml}\n', 'reports.junt: unknown field; did you mean "junit"?'],
    [
      'load: {results: {jtll: a.jtl, k6summary: b.json}}\n',
      'load.results: unknown fields "jtll", "k6summary"; did you mean "jtl" for "jtll", "k6Summary" for "k6summary"?',
    ],
    ['verbose: true\n', 'verbose: unknown field'],
  ];
  for (const [text, expected] of fields) {
    const file = configFile(text);
    assert.throws(
      () => readConfigFile(file),
      (error: unknown) => error instanceof ConfigError && error.message === `${file}: ${expected}`,
      text,
    );
  }
});

test('an empty value is refused, not read as unset: no silent run without the config or on the current context', () => {
  for (const argv of [
    ['--config', ''],
    ['--context', ''],
    ['--context', 'staging', '--context', ''],
    ['--namespace', ''],
    ['--engine', ''],
    ['--workflow', ''],
  ]) {
    assert.throws(
      () => parseCommandLine(['run', ...argv]),
      new RegExp(`command line: ${argv.at(-2)}: empty; give it a value or leave the flag out`),
    );
  }
});

test('a number flag takes decimals only: blanks and hex are typos, not 0 and 5', () => {
  for (const typo of ['', ' ', '0x5', '1e1', '5%', 'Infinity']) {
    assert.throws(
      () => parseCommandLine(['run', '--parallel-targets', typo]),
      new RegExp(`command line: --parallel-targets: expected a number, got "${typo}"`),
    );
  }
  assert.equal(parseCommandLine(['run', '--parallel-targets', ' 5 ']).layer.parallelTargets, 5);
});

test('minProbeSuccess is a percentage, 90 or 90%, on the command line and in the config file alike', () => {
  for (const [given, read] of [
    ['90', 90],
    ['90%', 90],
    [' 87.5 % ', 87.5],
    ['0', 0],
    ['0.5%', 0.5],
    ['100.', 100],
  ] as const) {
    assert.equal(parseCommandLine(['run', '--min-probe-success', given]).layer.gate?.minProbeSuccess, read);
  }
  const file = configFile('gate:\n  minProbeSuccess: 90%\n');
  assert.equal(resolveConfig(readConfigFile(file)).gate.minProbeSuccess, 90);
  for (const typo of [' ', '0x5A', '1e2', 'Infinity', '+5', '150', '101%']) {
    assert.throws(() => parseCommandLine(['run', '--min-probe-success', typo]), {
      message: `command line: --min-probe-success: expected a percentage 0-100 such as 90 or 90%, got text (${JSON.stringify(typo)})`,
    });
  }
  // A share of 1 is how error rates are given: 0.9 here would be 0.9%, not 90%.
  for (const share of ['0.9', '1', '.5']) {
    assert.throws(
      () => parseCommandLine(['run', '--min-probe-success', share]),
      new RegExp(
        `command line: --min-probe-success: ${Number(share)} would be ${Number(share)}%, but reads as a share of 1 \\(0\\.9 = 90%\\): write the percentage, 90 or 90%`,
      ),
    );
  }
  assert.throws(
    () => readConfigFile(configFile('gate:\n  minProbeSuccess: 0.95\n')),
    /chaos-gate\.yaml: gate\.minProbeSuccess: 0\.95 would be 0\.95%/,
  );
});

test('repeatable flags collect every value', () => {
  const parsed = parseCommandLine([
    'run',
    '--engine',
    'a.yaml',
    '--engine',
    'b.yaml',
    '--allow-failure',
    'pod-delete',
  ]);
  const config = resolveConfig(parsed.layer);
  assert.deepEqual(config.engines, ['a.yaml', 'b.yaml']);
  assert.deepEqual(config.gate.allowFailures, ['pod-delete']);
  assert.equal(
    resolveConfig(parseCommandLine(['run', '--no-fail-on-failure']).layer).gate.failOnFailure,
    false,
  );
});

test('workflow parameters: repeated NAME=VALUE flags, values may hold = and commas', () => {
  const parsed = parseCommandLine([
    'run',
    '--workflow-template',
    'chaos-load',
    '--parameter',
    'appLabel=app=checkout,tier=web',
    '--parameter',
    'duration=60',
  ]);
  const config = resolveConfig(parsed.layer);
  assert.deepEqual(config.workflow?.parameters, { appLabel: 'app=checkout,tier=web', duration: '60' });
  assert.deepEqual(config.workflow?.template, { name: 'chaos-load', clusterScope: false });
  assert.throws(
    () => parseCommandLine(['run', '--parameter', 'novalue']),
    /command line: --parameter: expected NAME=VALUE, got "novalue"/,
  );
  assert.throws(
    () => parseCommandLine(['run', '--workflow', 'a.yaml', '--workflow-template', 'b']),
    /^ConfigError: command line: --workflow-template: give one workflow: a file, a WorkflowTemplate or a ClusterWorkflowTemplate, not two$/,
  );
});

test("a workflow flag replaces the config file's workflow, file or template, keeping its parameters", () => {
  const file = configFile(
    'workflow:\n  file: wf.yaml\n  parameters: { appLabel: app=checkout }\n  shutdown: Terminate\n',
  );
  const over = (...flags: string[]) =>
    resolveConfig(readConfigFile(file), parseCommandLine(['run', ...flags]).layer).workflow;
  assert.deepEqual(over('--workflow-template', 'chaos-load'), {
    file: undefined,
    template: { name: 'chaos-load', clusterScope: false },
    parameters: { appLabel: 'app=checkout' },
    namespace: undefined,
    shutdown: 'Terminate',
  });
  assert.deepEqual(over('--cluster-workflow-template', 'shared')?.template, {
    name: 'shared',
    clusterScope: true,
  });
  const template = configFile('workflow: { template: chaos-load }\n');
  const flag = (...flags: string[]) =>
    resolveConfig(readConfigFile(template), parseCommandLine(['run', ...flags]).layer).workflow;
  assert.deepEqual(flag('--cluster-workflow-template', 'shared')?.template, {
    name: 'shared',
    clusterScope: true,
  });
  assert.equal(flag('--workflow', 'other.yaml')?.template, undefined);
  // A flag that chooses no workflow leaves the file's choice as it is.
  assert.equal(over('--parameter', 'a=b')?.file, path.join(path.dirname(file), 'wf.yaml'));
});

test("a template is a name in the cluster: a file's path for it is refused offline, not found only once connected", () => {
  for (const flag of ['--workflow-template', '--cluster-workflow-template'])
    assert.throws(
      () => parseCommandLine(['validate', flag, 'templates/chaos-load.yaml']),
      new RegExp(
        `^ConfigError: command line: ${flag}: expected the name of a template in the cluster \\(lowercase a-z, 0-9, - and \\.\\), not a file path, got text \\("templates/chaos-load\\.yaml"\\)$`,
      ),
    );
  assert.deepEqual(
    resolveConfig(parseCommandLine(['validate', '--workflow-template', 'chaos-load.v2']).layer).workflow
      ?.template,
    {
      name: 'chaos-load.v2',
      clusterScope: false,
    },
  );
});

test('an allowed failure names one experiment: more than namespace/engine/experiment or an empty part is refused', () => {
  const allowed = (...names: string[]) =>
    resolveConfig(parseCommandLine(['run', ...names.flatMap((n) => ['--allow-failure', n])]).layer).gate
      .allowFailures;
  assert.deepEqual(allowed('pod-delete', 'nginx/pod-delete', 'shop/nginx/pod-delete'), [
    'pod-delete',
    'nginx/pod-delete',
    'shop/nginx/pod-delete',
  ]);
  for (const typo of ['a/b/c/d', 'nginx//pod-delete', '/pod-delete', 'pod delete']) {
    assert.throws(
      () => allowed(typo),
      /--allow-failure\[0\]: expected experiment, engine\/experiment or namespace\/engine\/experiment/,
    );
  }
  assert.throws(
    () => resolveConfig(readConfigFile(configFile('gate:\n  allowFailures: [ok, a/b/c/d]\n'))),
    /gate\.allowFailures\[1\]: expected experiment, engine\/experiment or namespace\/engine\/experiment/,
  );
});

test('a namespace is a Kubernetes name wherever it is given: Shop_1 is refused, naming the field', () => {
  for (const argv of [
    ['--namespace', 'Shop_1'],
    ['--allow-namespace', 'shop', '--allow-namespace', 'Shop_1'],
    ['--namespace', `a${'b'.repeat(63)}`],
  ]) {
    assert.throws(
      () => resolveConfig(parseCommandLine(['run', ...argv]).layer),
      /command line: --(allow-)?namespace(\[1\])?: expected a namespace name \(.*\), got text/,
    );
  }
  assert.throws(
    () => resolveConfig(readConfigFile(configFile('targets:\n  - { name: eu, namespace: Shop_EU }\n'))),
    /targets\[0\]\.namespace: expected a namespace name \(lowercase a-z, 0-9 and -\), got text \("Shop_EU"\)$/,
  );
  assert.equal(resolveConfig(parseCommandLine(['run', '--namespace', 'shop-1']).layer).namespace, 'shop-1');
});

test('a name too long is quoted in its error, cut short with its length: --label, --run-id, a target, a namespace', () => {
  const long = 'payments-eu-west-1-blue-green-canary-cluster-job';
  const cut = `"${long.slice(0, 40)}…"`;
  const problems: [string[], string][] = [
    [
      ['--label', long],
      `command line: --label: expected at most 40 characters, got text of 48 characters (${cut})`,
    ],
    [
      ['--run-id', long],
      `command line: --run-id: expected at most 40 characters, got text of 48 characters (${cut})`,
    ],
    [
      ['--namespace', `${long}-${long}`],
      `command line: --namespace: expected a namespace name (at most 63 characters), got text of 97 characters (${cut})`,
    ],
  ];
  for (const [argv, message] of problems)
    assert.throws(() => resolveConfig(parseCommandLine(['run', ...argv]).layer), { message });
  assert.throws(
    () => resolveConfig(readConfigFile(configFile(`targets:\n  - { name: ${long} }\n`))),
    /targets\[0\]\.name: expected at most 20 characters, got text of 48 characters \("payments-eu-west-1-blue-green-canary-clu…"\)$/,
  );
});

test('a long value quoted in an error never shows part of a known secret', () => {
  const token = 'sha256~k9XbqRZ0yJm2vC7pLwT4hN8sQe1uFgA6dV3oI5rKzYc';
  registerSecret(token);
  assert.throws(
    () => resolveConfig(parseCommandLine(['run', '--label', `x${token}`]).layer),
    (error: Error) =>
      !error.message.includes(token.slice(0, 12)) &&
      /got text of 51 characters \("x\*\*\*"\)/.test(error.message),
  );
});
