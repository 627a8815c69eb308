// Reading manifest and result files: the objects, and where a broken one is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseManifests, readManifests } from '../../../src/kube/manifests.ts';

const engine = (name: string) =>
  `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\nmetadata:\n  name: ${name}\n  creationTimestamp: 2026-11-20T10:00:05Z\n`;

test('YAML: every document, empty ones skipped, each named by file and document', () => {
  const manifests = parseManifests(`${engine('a')}---\n---\n${engine('b')}`, 'engines.yaml', 'engine');
  assert.deepEqual(
    manifests.map((m) => m.source),
    ['engines.yaml, document 1 (ChaosEngine a)', 'engines.yaml, document 3 (ChaosEngine b)'],
  );
});

test('unquoted timestamps stay strings (kubectl quotes them; hand-written files often do not)', () => {
  const [manifest] = parseManifests(engine('a'), 'engine.yaml', 'engine');
  assert.equal(manifest?.object.metadata.creationTimestamp, '2026-11-20T10:00:05Z');
});

test('JSON as kubectl get -o json writes it: a List of items', () => {
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'litmuschaos.io/v1alpha1', kind: 'ChaosResult', metadata: { name: 'a-pod-delete' } },
      { apiVersion: 'litmuschaos.io/v1alpha1', kind: 'ChaosResult', metadata: { name: 'b-pod-delete' } },
    ],
  };
  const manifests = parseManifests(JSON.stringify(list, null, 2), 'results.json', 'input');
  assert.deepEqual(
    manifests.map((m) => m.source),
    [
      'results.json, document 1, items[0] (ChaosResult a-pod-delete)',
      'results.json, document 1, items[1] (ChaosResult b-pod-delete)',
    ],
  );
});

test('a YAML flow mapping that is not JSON is still read as YAML', () => {
  const [manifest] = parseManifests(
    '{apiVersion: v1, kind: ServiceAccount, metadata: {name: chaos}}\n',
    'sa.yaml',
    'rbac',
  );
  assert.equal(manifest?.object.metadata.name, 'chaos');
});

test('broken YAML names the document and the line', () => {
  assert.throws(
    () =>
      parseManifests(`${engine('a')}---\nkind: ChaosEngine\nmetadata: [unclosed\n`, 'engines.yaml', 'engine'),
    /^ConfigError: engines\.yaml, document 2: invalid YAML: .*at line \d+, column \d+/,
  );
});

test('YAML that breaks off where the file ends is told as possibly cut off', () => {
  const results = `${engine('a')}---\napiVersion: litmuschaos.io/v1alpha1\nkind: ChaosResult\nmetadata:\n  name: a-pod-delete\nstatus:\n  experimentStatus:\n    verdict: Pass\n    pr`;
  assert.throws(
    () => parseManifests(results, 'results.yaml', 'input'),
    /^ConfigError: results\.yaml, document 2: invalid YAML where the file ends mid-line \(was it cut off\?\): .*at line 14, column 5/,
  );
  assert.throws(
    () => parseManifests(`${results}\n  more: text\n`, 'results.yaml', 'input'),
    /^ConfigError: results\.yaml, document 2: invalid YAML: .*at line 14, column 5/,
    'an error before the end is not blamed on a cut',
  );
});

test('a kubectl list cut off at the end of a line, so still valid YAML, is refused as probably cut off', () => {
  const list = `apiVersion: v1\nitems:\n- apiVersion: litmuschaos.io/v1alpha1\n  kind: ChaosResult\n  metadata:\n    name: a-pod-delete\nkind: List\nmetadata:\n  resourceVersion: ""\n`;
  assert.equal(parseManifests(list, 'results.yaml', 'input').length, 1);
  assert.throws(
    () => parseManifests(list.slice(0, list.indexOf('kind: List')), 'results.yaml', 'input'),
    /^ConfigError: results\.yaml, document 1: field kind: required; this is a list \(it has items\) without the `kind: List` kubectl writes after them \(was the file cut off\?\)$/,
  );
});

test('results cut off where the YAML still parses: a last object without status, mid-line, is refused', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-cut-'));
  const passed = `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosResult\nmetadata:\n  name: a-pod-delete\nstatus:\n  experimentStatus:\n    verdict: Pass\n`;
  const cut = path.join(dir, 'cut.yaml');
  writeFileSync(
    cut,
    `${passed}---\napiVersion: litmuschaos.io/v1alpha1\nkind: ChaosResult\nmetadata:\n  name: b-pod-del`,
  );
  assert.throws(
    () => readManifests([cut], 'input'),
    new RegExp(
      `^ConfigError: ${cut}, document 2 \\(ChaosResult b-pod-del\\): field status: required; the file ends mid-line after this object \\(was it cut off\\?\\)$`,
    ),
  );
  const whole = path.join(dir, 'whole.yaml');
  writeFileSync(
    whole,
    `${passed}---\napiVersion: litmuschaos.io/v1alpha1\nkind: ChaosResult\nmetadata:\n  name: b-pod-delete\n`,
  );
  assert.equal(
    readManifests([whole], 'input').length,
    2,
    'a status-less result in a whole file is judged as before',
  );
  // One saved from a cluster (a resourceVersion) cut inside its status still parses: "Pa" is no verdict.
  const saved = passed.replace(
    '  name: a-pod-delete\n',
    '  name: a-pod-delete\n  resourceVersion: "48230"\n',
  );
  writeFileSync(cut, saved.slice(0, -'ss\n'.length));
  assert.throws(
    () => readManifests([cut], 'input'),
    new RegExp(
      `^ConfigError: ${cut}, document 1 \\(ChaosResult a-pod-delete\\): the file ends mid-line in this object \\(was it cut off\\?\\); kubectl ends its output with a line break, which a whole file saved as kubectl wrote it keeps \\(a trimmed one loses it\\)$`,
    ),
  );
  writeFileSync(whole, passed.trimEnd());
  assert.equal(
    readManifests([whole], 'input').length,
    1,
    'a written one without its last line break is read',
  );
});

test('broken JSON is reported as JSON, with where it breaks', () => {
  assert.throws(
    () =>
      parseManifests(
        '{"kind": "List",\n "items": [{"kind": "ChaosResult" "x": 1}]}',
        'results.json',
        'input',
      ),
    /^ConfigError: results\.json: invalid JSON: Expected ',' or '}' after property value in JSON at position \d+ \(line 2 column \d+\)$/,
  );
  assert.throws(
    () => parseManifests('{"kind": "List", "items": [\n', 'results.json', 'input'),
    /^ConfigError: results\.json: invalid JSON: Unexpected end of JSON input: the file ends inside the JSON \(was it cut off\?\)$/,
  );
});

test('a broken YAML flow mapping is still told as YAML', () => {
  assert.throws(
    () => parseManifests('{apiVersion: v1, kind: [}\n', 'sa.yaml', 'rbac'),
    /^ConfigError: sa\.yaml, document 1: invalid YAML: /,
  );
});

test('XML, such as a JUnit report given as results, is named as what it is', () => {
  assert.throws(
    () =>
      parseManifests('<?xml version="1.0"?>\n<testsuites name="x">\n</testsuites>\n', 'junit.xml', 'input'),
    /^ConfigError: junit\.xml: this is XML \(a JUnit report, which is an output, not an input\); expected Kubernetes objects as YAML or JSON$/,
  );
  assert.throws(
    () => parseManifests('<html></html>', 'page.html', 'input'),
    /^ConfigError: page\.html: this is XML;/,
  );
});

/** Nine levels of nine aliases each: a few hundred bytes that expand to 387 million values. */
const laughs = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
];

test('aliases nested to expand into billions of values ("billion laughs") are refused, naming file and document', () => {
  const block = `laughs:\n${laughs.map((line) => `  ${line}`).join('\n')}\n`;
  assert.throws(
    () => parseManifests(`${engine('a')}---\n${engine('b')}${block}`, 'engines.yaml', 'engine'),
    /^ConfigError: engines\.yaml, document 2: invalid YAML: Excessive alias count/,
  );
  const flow = `{apiVersion: v1, kind: ServiceAccount, metadata: {name: s}, laughs: {${laughs.join(', ')}}}\n`;
  assert.throws(
    () => parseManifests(flow, 'sa.yaml', 'rbac'),
    /^ConfigError: sa\.yaml, document 1: invalid YAML: Excessive alias count/,
  );
});

test('an anchor named "&" is an anchor too: its aliases cannot slip past the limit as a shell\'s &&', () => {
  const named = laughs.map((line) => line.replaceAll('&', '&&').replaceAll('*', '*&'));
  assert.throws(
    () =>
      parseManifests(
        `${engine('a')}laughs:\n${named.map((line) => `  ${line}`).join('\n')}\n`,
        'e.yaml',
        'engine',
      ),
    /^ConfigError: e\.yaml, document 1: invalid YAML: Excessive alias count/,
  );
});

test('merge keys (<<) are applied, as kubectl applies them', () => {
  const text =
    `${engine('a')}spec:\n  experiments:\n` +
    '    - name: pod-delete\n      spec:\n        components: &defaults\n          env: [{ name: TOTAL_CHAOS_DURATION, value: "60" }]\n' +
    '          nodeSelector: { pool: chaos }\n' +
    '    - name: pod-cpu-hog\n      spec:\n        components:\n          <<: *defaults\n          env: [{ name: CPU_CORES, value: "1" }]\n';
  const [manifest] = parseManifests(text, 'engines.yaml', 'engine');
  const experiments = (manifest?.object as unknown as { spec: { experiments: { spec: unknown }[] } }).spec
    .experiments;
  assert.deepEqual(experiments[1]?.spec, {
    components: { nodeSelector: { pool: 'chaos' }, env: [{ name: 'CPU_CORES', value: '1' }] },
  });
});

test('a few anchors and aliases, as people write them to repeat a block, are read expanded', () => {
  const text =
    `${engine('a')}spec:\n  experiments:\n` +
    '    - name: pod-delete\n      spec:\n        components:\n' +
    '          env: &env [{ name: TOTAL_CHAOS_DURATION, value: &seconds "60" }]\n' +
    '    - name: pod-cpu-hog\n      spec:\n        components:\n          env: *env\n' +
    '    - name: pod-memory-hog\n      spec:\n        components:\n' +
    '          env: [{ name: CHAOS_INTERVAL, value: *seconds }]\n' +
    `---\n${engine('b')}spec:\n  experiments:\n    - name: pod-delete\n` +
    '      spec: { probe: [{ cmdProbe/inputs: { command: "test -f /ready && echo ok" } }] }\n';
  const [first, second] = parseManifests(text, 'engines.yaml', 'engine').map(
    (m) => m.object as unknown as { metadata: { creationTimestamp: unknown }; spec: unknown },
  );
  const env = [{ name: 'TOTAL_CHAOS_DURATION', value: '60' }];
  assert.deepEqual(first?.spec, {
    experiments: [
      { name: 'pod-delete', spec: { components: { env } } },
      { name: 'pod-cpu-hog', spec: { components: { env } } },
      { name: 'pod-memory-hog', spec: { components: { env: [{ name: 'CHAOS_INTERVAL', value: '60' }] } } },
    ],
  });
  assert.equal(first?.metadata.creationTimestamp, '2026-11-20T10:00:05Z', 'timestamps stay strings');
  assert.deepEqual(second?.spec, {
    experiments: [
      {
        name: 'pod-delete',
        spec: { probe: [{ 'cmdProbe/inputs': { command: 'test -f /ready && echo ok' } }] },
      },
    ],
  });
});

test('a chaos-gate config file given as a manifest is named as one', () => {
  assert.throws(
    () => parseManifests('namespace: shop\nengines: [engine.yaml]\n', 'chaos-gate.yaml', 'engine'),
    {
      message:
        'chaos-gate.yaml, document 1: field kind: required; this is a chaos-gate config file, not a manifest: give it as the config file',
    },
  );
  // An object without kind that is not one stays "kind: required".
  assert.throws(() => parseManifests('metadata: { name: x }\n', 'x.yaml', 'engine'), {
    message: 'x.yaml, document 1: field apiVersion: required',
  });
});

test('an empty results file says kubectl writes nothing when it finds nothing; an empty manifest does not', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-empty-'));
  const empty = path.join(dir, 'results.yaml');
  writeFileSync(empty, '');
  assert.throws(
    () => readManifests([empty], 'input'),
    /results\.yaml: holds no objects \(the file is empty or only comments\); `kubectl get … > FILE` writes nothing when it finds no objects: check the namespace and the selector$/,
  );
  assert.throws(
    () => readManifests([empty], 'engine'),
    /results\.yaml: holds no objects \(the file is empty or only comments\)$/,
  );
});
