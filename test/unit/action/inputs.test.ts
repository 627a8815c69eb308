// The action's inputs for each command: `merge` maps to the CLI's merge, and each command refuses the
// inputs it does not read, as the CLI refuses flags.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readInputs } from '../../../src/action/inputs.ts';
import { settingFields } from '../../../src/config/fields.ts';

/** readInputs with these inputs set as the runner sets them (INPUT_NAME), and only these. */
function readWith(inputs: Record<string, string>): ReturnType<typeof readInputs> {
  const names = Object.keys(inputs).map((name) => `INPUT_${name.toUpperCase()}`);
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  try {
    return readInputs();
  } finally {
    for (const name of names) delete process.env[name];
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-action-inputs-'));
for (const job of ['cluster-b', 'cluster-a']) {
  mkdirSync(path.join(dir, job));
  writeFileSync(path.join(dir, job, 'report.json'), '{}');
}
const reportA = path.join(dir, 'cluster-a', 'report.json');
const reportB = path.join(dir, 'cluster-b', 'report.json');

test('command defaults to run, which has no reports to join', () => {
  const inputs = readWith({ engines: 'engine.yaml' });
  assert.equal(inputs.command, 'run');
  assert.deepEqual(inputs.reports, []);
});

test('command merge: the reports, patterns expanded in order, and the report and gate inputs', () => {
  const inputs = readWith({
    command: 'merge',
    reports: `${path.join(dir, '*', 'report.json')}\n${reportA}`,
    'junit-path': 'all.xml',
    'min-probe-success': '90%',
    'allow-failures': 'pod-delete',
  });
  assert.equal(inputs.command, 'merge');
  // The same file twice is the core's to refuse, as it refuses it from the CLI.
  assert.deepEqual(inputs.reports, [reportA, reportB, reportA]);
  assert.deepEqual(inputs.layer, {
    reports: { junit: 'all.xml' },
    gate: { minProbeSuccess: 90, allowFailures: ['pod-delete'] },
  });
});

test('command merge refuses, by name, every input only run reads; and reads the rest', () => {
  for (const spec of settingFields) {
    const name = spec.input === undefined ? spec.flag : spec.input;
    if (name === null) continue;
    const read = () => readWith({ command: 'merge', reports: reportA, [name]: 'x' });
    if (spec.readBy?.includes('merge')) {
      // Read, so refused, if at all, for its value only ("x" is no number).
      let refusal = '';
      try {
        read();
      } catch (error) {
        refusal = (error as Error).message;
      }
      assert.doesNotMatch(refusal, /does not read/, name);
    } else {
      assert.throws(
        read,
        new RegExp(`^ConfigError: action inputs: ${name}: command merge does not read it; run does$`),
      );
    }
  }
});

test('command merge refuses kubeconfig content without quoting it, after masking it', () => {
  const kubeconfig = 'apiVersion: v1\nkind: Config\nusers: []\n';
  assert.throws(
    () => readWith({ command: 'merge', reports: reportA, kubeconfig }),
    /^ConfigError: action inputs: kubeconfig: command merge does not read it; run does$/,
  );
});

test('expect: the number of reports merge holds the jobs to, an input run refuses', () => {
  assert.deepEqual(readWith({ command: 'merge', reports: reportA, expect: '3' }).layer, {
    merge: { expect: 3 },
  });
  assert.throws(
    () => readWith({ engines: 'engine.yaml', expect: '3' }),
    /^ConfigError: action inputs: expect: command run does not read it; merge does$/,
  );
  assert.throws(
    () => readWith({ command: 'merge', reports: reportA, expect: '0' }),
    /^ConfigError: action inputs: expect: expected 1 or more, got a number \(0\)$/,
  );
});

test('command run refuses reports: they are for merge', () => {
  assert.throws(
    () => readWith({ engines: 'engine.yaml', reports: reportA }),
    /^ConfigError: action inputs: reports: command run does not read it; merge does$/,
  );
});

test('command: only run or merge', () => {
  assert.throws(
    () => readWith({ command: 'report' }),
    /^ConfigError: action inputs: command: expected run or merge, got "report"$/,
  );
});

test('command merge: no reports, or a pattern that matches no file, is refused, not a gate over fewer', () => {
  assert.throws(
    () => readWith({ command: 'merge' }),
    /^ConfigError: action inputs: reports: command merge needs the JSON reports to join$/,
  );
  const missing = path.join(dir, '*', 'missing.json');
  assert.throws(
    () => readWith({ command: 'merge', reports: `${reportA}\n${missing}` }),
    new RegExp(`^ConfigError: action inputs: reports: no file matches ${missing.replaceAll('*', '\\*')}$`),
  );
});

test('list inputs: a line whose first non-blank character is # is a comment, not an item', () => {
  const inputs = readWith({
    engines: `${reportA}\n  # ${reportB}\n#,another.yaml`,
    'allow-failures': '# pod-delete, for now\npod-cpu-hog',
    parameters: '# chaos-duration=30\ntarget=checkout',
  });
  assert.deepEqual(inputs.layer.engines, [reportA]);
  assert.deepEqual(inputs.layer.gate?.allowFailures, ['pod-cpu-hog']);
  assert.deepEqual(inputs.layer.workflow?.parameters, { target: 'checkout' });
});

test('list inputs: one of comments and blank lines only is not given, as an empty one', () => {
  const commented = `# ${reportA}\n\n  # ${reportB}`;
  const inputs = readWith(
    Object.fromEntries(
      settingFields
        .filter((spec) => spec.kind === 'list' || spec.kind === 'map')
        .flatMap((spec) => (spec.input === null ? [] : [[spec.input ?? spec.flag, commented]])),
    ),
  );
  // Nothing to override the config file's lists with.
  assert.deepEqual(inputs.layer, {});
  // Nor an input merge refuses, nor one that excludes the kubeconfig content.
  assert.deepEqual(
    readWith({ command: 'merge', reports: reportA, engines: commented, rbac: commented }).reports,
    [reportA],
  );
  // (The runner trims every input.)
  const kubeconfig = 'apiVersion: v1\nkind: Config\nusers: []';
  assert.equal(readWith({ kubeconfig, 'kubeconfig-path': commented }).kubeconfigContent, kubeconfig);
  assert.deepEqual(readWith({ engines: reportA, reports: commented }).reports, []);
  assert.throws(
    () => readWith({ command: 'merge', reports: commented }),
    /^ConfigError: action inputs: reports: command merge needs the JSON reports to join$/,
  );
});

test('file list inputs: patterns expanded as for reports, sorted per pattern; a plain path is kept as given', () => {
  const pattern = path.join(dir, '*', 'report.json');
  const missing = path.join(dir, 'no-such-engine.yaml');
  const inputs = readWith({
    'kubeconfig-path': pattern,
    rbac: pattern,
    experiments: pattern,
    engines: `${reportB}\n${pattern}\n${missing}`,
    'ctk-journals': pattern,
  });
  assert.deepEqual(inputs.layer.engines, [reportB, reportA, reportB, missing]);
  for (const files of [
    inputs.layer.kubeconfig,
    inputs.layer.rbac,
    inputs.layer.experiments,
    inputs.layer.ctkJournals,
  ])
    assert.deepEqual(files, [reportA, reportB]);
});

test('file list inputs: a pattern that matches no file is refused by input and pattern', () => {
  const missing = path.join(dir, '*', 'engine.yaml');
  for (const name of ['kubeconfig-path', 'rbac', 'experiments', 'engines', 'ctk-journals'])
    assert.throws(
      () => readWith({ [name]: `${reportA}\n${missing}` }),
      new RegExp(`^ConfigError: action inputs: ${name}: no file matches ${missing.replaceAll('*', '\\*')}$`),
    );
});

test('file list inputs: a path that names an existing file is that file, whatever characters its name holds', () => {
  const files = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-literal-names-'));
  for (const name of [
    'engine[v2].yaml',
    'enginev.yaml',
    'engine*.yaml',
    'engine-a.yaml',
    'engine{a..b}.yaml',
    'enginea.yaml',
    'engine-b,c.yaml',
  ])
    writeFileSync(path.join(files, name), 'kind: ChaosEngine\n');
  const at = (name: string) => path.join(files, name);
  // Each of these, read as a pattern, matches another file: enginev.yaml, engine-a.yaml, enginea.yaml.
  for (const name of ['engine[v2].yaml', 'engine*.yaml', 'engine{a..b}.yaml']) {
    assert.deepEqual(readWith({ engines: at(name) }).layer.engines, [at(name)], name);
    assert.deepEqual(readWith({ command: 'merge', reports: at(name) }).reports, [at(name)], name);
  }
  // A comma in an existing file's name does not split it; elsewhere it separates items.
  assert.deepEqual(readWith({ engines: at('engine-b,c.yaml') }).layer.engines, [at('engine-b,c.yaml')]);
  assert.deepEqual(readWith({ command: 'merge', reports: at('engine-b,c.yaml') }).reports, [
    at('engine-b,c.yaml'),
  ]);
  assert.deepEqual(readWith({ engines: `${at('engine-a.yaml')},${at('enginea.yaml')}` }).layer.engines, [
    at('engine-a.yaml'),
    at('enginea.yaml'),
  ]);
  // A name that is no file is still a pattern.
  assert.deepEqual(readWith({ engines: at('engine[v3].yaml') }).layer.engines, [at('enginev.yaml')]);
  assert.deepEqual(readWith({ engines: at('engine-?.yaml') }).layer.engines, [at('engine-a.yaml')]);
});

test('list inputs written as a YAML list are refused saying so, not read as files named "- …"', () => {
  assert.throws(
    () => readWith({ engines: '- chaos/pod-delete.yaml\n- chaos/network-latency.yaml' }),
    /^ConfigError: action inputs: engines: "- chaos\/pod-delete\.yaml" is written as a YAML list item, but the input is text: give one item a line, without "- "$/,
  );
  for (const [name, text] of [
    ['allow-failures', 'pod-cpu-hog\n- pod-delete'],
    ['context', '-  staging-eu'],
    ['parameters', '- chaos-duration=30'],
    ['reports', '- reports/eu/report.json'],
  ] as const)
    assert.throws(
      () => readWith({ command: name === 'reports' ? 'merge' : 'run', [name]: text }),
      /is written as a YAML list item/,
      name,
    );
  // A file whose name starts so, in the folder the step runs in, is that file.
  const files = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-dashed-'));
  writeFileSync(path.join(files, '- engine.yaml'), 'kind: ChaosEngine\n');
  const cwd = process.cwd();
  process.chdir(files);
  try {
    assert.deepEqual(readWith({ engines: '- engine.yaml' }).layer.engines, ['- engine.yaml']);
  } finally {
    process.chdir(cwd);
  }
});
