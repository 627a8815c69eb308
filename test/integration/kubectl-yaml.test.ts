// What the real kubectl (built by scripts/sandbox/build.sh at the API server's release) writes for
// ChaosResults of every shape a user meets, read back: the YAML gives the same reports as the JSON,
// and the block reader reads all of it itself, as js-yaml would, without handing any of it to js-yaml.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { parse } from 'yaml';
import { writeResults } from '../../bench/support/results.ts';
import { loadYaml, readBlockYaml } from '../../src/kube/block-yaml.ts';
import { litmusGroup, litmusVersion, type ChaosResult } from '../../src/litmus/types.ts';
import { fixturePath } from '../support/fixtures.ts';
import { createLitmusObject, sandboxKubectl, type Kubectl } from '../support/kubectl.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-kubectl-'));
let sandbox: Sandbox;
let kubectl: Kubectl;

const long = (words: string) => `${words} `.repeat(12).trim();

// Strings go-yaml writes in each of its ways: plain, wrapped past 80 columns, single- and
// double-quoted (also wrapped), literal blocks with and without a final line break, and quoted where
// plain text would read as a number, a bool, null or a time.
const odd = {
  wrappedPlain: long('the probe reached the service and it answered'),
  wrappedSingle: long('Actual value: 503. Expected value: should be equal to 200,'),
  wrappedQuotes: long('status "503" from http://frontend.shop.svc:8080/health #1'),
  wrappedDouble: long('Passed 👍 from "frontend"\tin 12ms'),
  wrappedSpaces: long('👍  two  spaces'),
  crlf: 'windows\r\nline',
  ansi: '\u001b[31mred\u001b[0m',
  lines: 'Actual value: 503\nExpected value: 200',
  linesEnd: 'first line\nsecond line\n',
  linesBlank: 'one\n\n  indented two\n\n',
  linesLong: `${long('a long first line')}\n${long('and a long second line')}`,
  hash: 'a #b',
  hashStart: '#1 probe',
  colon: 'key: value',
  colonEnd: 'ends with a colon:',
  url: 'http://frontend.shop.svc:8080/health?x=1&y=2',
  quotes: `it's "quoted"`,
  singleStart: "'single'",
  doubleStart: '"double"',
  hundred: '100',
  zero: '0',
  float: '1.5',
  exponent: '1e3',
  octal: '0o17',
  hex: '0x1F',
  leadingZero: '012',
  bool: 'true',
  yes: 'yes',
  off: 'off',
  nullWord: 'null',
  tilde: '~',
  time: '2026-11-20T10:00:00Z',
  date: '2026-11-20',
  unicode: 'Ünïcödé ✓ — 日本語',
  emoji: 'Passed 👍 ',
  empty: '',
  space: ' ',
  spaces: '  leading and trailing  ',
  dash: '- item',
  dashAlone: '-',
  brackets: '[a, b]',
  braces: '{a: b}',
  star: '*alias',
  ampersand: '&anchor',
  bang: '!tag',
  percent: '%percent',
  at: '@at',
  backtick: '`cmd`',
  pipe: '|',
  greater: '> folded',
  documentStart: '---',
  documentEnd: '...',
  tab: 'a\tb',
  backslash: 'C:\\temp\\x',
  // As `kubectl apply` keeps what it applied.
  lastApplied: `${JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { a: 'b: c' } } })}\n`,
};

/**
 * A 3.x result whose failed probes' descriptions (so that each is in the JUnit report), annotations and
 * spec hold every string above, and empty lists and maps.
 */
function oddResult(namespace: string): ChaosResult {
  return {
    apiVersion: `${litmusGroup}/${litmusVersion}`,
    kind: 'ChaosResult',
    metadata: {
      name: 'odd-strings-pod-delete',
      namespace,
      labels: { chaosUID: 'uid-odd-strings', name: 'pod-delete', 'app.kubernetes.io/version': '3.28.0' },
      annotations: odd,
    },
    spec: {
      engine: 'odd-strings',
      experiment: 'pod-delete',
      strings: odd,
      emptyList: [],
      emptyMap: {},
      nested: [[], {}, [[]], [{}], { a: [] }],
      numbers: [0, -1, 100, 99.5, 1e21, 2 ** 53],
      bools: [true, false],
    },
    status: {
      experimentStatus: {
        phase: 'Completed_With_Probe_Failure',
        verdict: 'Fail',
        probeSuccessPercentage: '0',
      },
      probeStatuses: Object.entries(odd).map(([name, description], i) => ({
        name: `probe-${name}`,
        type: 'httpProbe',
        mode: i % 2 ? 'Edge' : 'Continuous',
        status: { verdict: 'Failed', description },
      })),
      history: { passedRuns: 0, failedRuns: 1, stoppedRuns: 0, targets: [] },
    },
  };
}

/** Each generation's fixtures (1.x `spec.experimentstatus`, 2.x `probeStatus` maps, 3.x), as created anew. */
function fixtureResults(namespace: string): ChaosResult[] {
  const folder = fixturePath('litmus/results');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const { metadata, ...rest } = parse(readFileSync(path.join(folder, name), 'utf8')) as ChaosResult;
      const { name: objectName, labels, annotations } = metadata;
      return { ...rest, metadata: { name: objectName, namespace, labels, annotations } };
    });
}

/** A few hundred results as the bench makes them, in 20 namespaces. */
function benchResults(): ChaosResult[] {
  const json = path.join(dir, 'bench.json');
  writeResults(300, json, path.join(dir, 'bench.yaml'));
  return (JSON.parse(readFileSync(json, 'utf8')) as { items: ChaosResult[] }).items;
}

before(async () => {
  sandbox = await startSandbox();
  kubectl = sandboxKubectl(sandbox, dir);
  const results = [...fixtureResults('shapes'), oddResult('shapes'), ...benchResults()];
  for (const namespace of new Set(results.map((result) => result.metadata.namespace ?? '')))
    await sandbox.createNamespace(namespace);
  for (let i = 0; i < results.length; i += 20) await Promise.all(results.slice(i, i + 20).map(create));
});

const create = (body: ChaosResult) => createLitmusObject(sandbox, 'chaosresults', body);

after(async () => {
  await sandbox?.stop();
});

const jsYaml = (text: string) => loadAll(text, null, { schema: CORE_SCHEMA });

/** The block reader reads all of `text` itself, and what loadYaml gives is js-yaml's and the JSON's. */
function assertReadAsJsYaml(text: string, json: unknown) {
  const { from } = readBlockYaml(text);
  const rest = text.slice(from);
  assert.equal(from, text.length, `the block reader handed js-yaml the rest from: ${rest.slice(0, 400)}`);
  assert.deepEqual(loadYaml(text), jsYaml(text));
  assert.deepEqual(loadYaml(text), [json]);
}

test('what kubectl get chaosresults -A -o yaml writes gives the reports -o json gives, read by the block reader alone', async () => {
  const yamlFile = path.join(dir, 'results.yaml');
  const jsonFile = path.join(dir, 'results.json');
  writeFileSync(yamlFile, kubectl('get', 'chaosresults', '-A', '-o', 'yaml'));
  writeFileSync(jsonFile, kubectl('get', 'chaosresults', '-A', '-o', 'json'));
  const yaml = readFileSync(yamlFile, 'utf8');
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { items: ChaosResult[] };
  assert.equal(
    json.items.length,
    300 + readdirSync(fixturePath('litmus/results')).filter((n) => n.endsWith('.yaml')).length + 1,
  );
  // What go-yaml did with the odd strings: wrapped them, wrote literal blocks, quoted both ways.
  assert.match(yaml, /description: \|-\n/);
  assert.match(yaml, /description: \|\n/);
  assert.match(yaml, /description: '[^'\n]*\n {8}/);
  assert.match(yaml, /description: "(?:[^"\\\n]|\\.)*\n {8}/);
  assert.match(yaml, /description: "Passed \\U0001F44D "\n/);
  assert.match(yaml, /\n {8}\\ /); // a line break go-yaml put between two spaces
  assertReadAsJsYaml(yaml, json);

  const junitOf = async (results: string) => {
    const junit = `${results}.xml`;
    const finished = await runEntry('dist/cli.js', ['report', '--results', results, '--junit', junit]).done;
    return { code: finished.code, stdout: finished.stdout, junit: readFileSync(junit, 'utf8') };
  };
  const [fromYaml, fromJson] = [await junitOf(yamlFile), await junitOf(jsonFile)];
  assert.equal(fromYaml.code, 1, fromYaml.stdout);
  assert.equal(fromJson.code, fromYaml.code);
  assert.equal(fromYaml.junit, fromJson.junit);
  // One suite a result, and the odd strings in it as they were created: every odd probe failed.
  assert.equal(fromYaml.junit.match(/<testsuite /g)?.length, json.items.length);
  for (const description of [odd.wrappedPlain, odd.emoji, odd.unicode, odd.hundred])
    assert.ok(fromYaml.junit.includes(`failed: ${description}`), description);
});

test('what kubectl get chaosresult NAME -o yaml writes for one result, and for none, is read by the block reader alone', () => {
  const args = ['get', 'chaosresult', 'odd-strings-pod-delete', '-n', 'shapes'];
  const yaml = kubectl(...args, '-o', 'yaml');
  assert.match(yaml, /^apiVersion: litmuschaos.io\/v1alpha1\nkind: ChaosResult\n/);
  assertReadAsJsYaml(yaml, JSON.parse(kubectl(...args, '-o', 'json')));
  // No result yet: an empty List.
  const none = ['get', 'chaosresults', '-n', 'default'];
  assertReadAsJsYaml(kubectl(...none, '-o', 'yaml'), JSON.parse(kubectl(...none, '-o', 'json')));
});

test('strings that start with a space or a line break, which kubectl writes as `|2-` blocks, are read by the block reader alone', async () => {
  const name = 'indented-lines-pod-delete';
  const strings = ['  indented\nsecond', ' one\n\n two\n', ' kept\n\n\n', '\nstarts with a line break', '\n'];
  await create({
    apiVersion: `${litmusGroup}/${litmusVersion}`,
    kind: 'ChaosResult',
    metadata: { name, namespace: 'shapes' },
    spec: { lines: strings, nested: [strings, [{ lines: strings }]] },
    status: {
      probeStatuses: strings.map((description, i) => ({ name: `cmd-${i}`, status: { description } })),
    },
  });
  const yaml = kubectl('get', 'chaosresult', name, '-n', 'shapes', '-o', 'yaml');
  // The indicator counts from the key's column, or the dash's; `|2+` with no line is "\n".
  assert.match(yaml, /\n {6}description: \|2-\n {10}indented\n {8}second\n/);
  assert.match(yaml, /\n {2}- \|2\n {5}one\n\n {5}two\n/);
  assert.match(yaml, /\n {2}- \|2\+\n\n {2}nested:/);
  assertReadAsJsYaml(yaml, JSON.parse(kubectl('get', 'chaosresult', name, '-n', 'shapes', '-o', 'json')));
});
