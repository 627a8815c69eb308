// The block reader against js-yaml, which it stands in for: on every text, the same values (key order,
// -0, NaN and all) or the same error, whether the reader read all of it, some documents or none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { loadYaml, readBlockYaml } from '../../../src/kube/block-yaml.ts';
import { writeResults } from '../../../bench/support/results.ts';
import { random } from '../../support/exact.ts';
import { generatedYaml, mutated } from '../../support/yaml-texts.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** A value with everything deepStrictEqual leaves out spelled out: key order, -0, a plain prototype. */
const spelled = (value: unknown): unknown =>
  Array.isArray(value)
    ? ['array', value.map(spelled)]
    : typeof value === 'object' && value !== null
      ? [
          Object.getPrototypeOf(value) === Object.prototype,
          Object.entries(value).map(([k, v]) => [k, spelled(v)]),
        ]
      : typeof value === 'number'
        ? ['number', Object.is(value, -0) ? '-0' : String(value)]
        : value;

/** Documents or an error message, as `load` gives them for `text`. */
function outcome(load: () => unknown[]): { documents: unknown } | { error: string } {
  try {
    return { documents: spelled(load()) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Whether the block reader read all of `text`; fails unless loadYaml gives what js-yaml gives. */
function readsAsJsYaml(text: string): boolean {
  const expected = outcome(() => loadAll(text, null, { schema: CORE_SCHEMA }));
  assert.deepEqual(
    outcome(() => loadYaml(text)),
    expected,
    JSON.stringify(text),
  );
  return readsAll(text);
}

const readsAll = (text: string) => readBlockYaml(text).from === text.length;

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => path.join(dir, file));

const repoFiles = [...yamlFiles(path.join(root, 'test')), ...yamlFiles(path.join(root, 'examples'))];
const repoYaml = repoFiles.map((file) => readFileSync(file, 'utf8'));

test('every YAML file of the tests and examples: read as js-yaml reads it, or left to js-yaml', () => {
  const read = repoFiles.filter((_, i) => readsAsJsYaml(repoYaml[i] as string));
  // Every ChaosResult fixture is block style as go-yaml writes it (test/integration/kubectl-yaml.test.ts
  // reads real kubectl's output), so the reader reads it.
  for (const file of repoFiles.filter((file) => file.includes('/litmus/results/')))
    assert.ok(read.includes(file), `left to js-yaml: ${file}`);
});

test('results as kubectl writes them are read by the block reader, with the same values as the JSON', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-block-yaml-'));
  writeResults(300, path.join(dir, 'results.json'), path.join(dir, 'results.yaml'));
  const yaml = readFileSync(path.join(dir, 'results.yaml'), 'utf8');
  // The fast path must keep running for these files: `report` of many results depends on it.
  assert.ok(readsAsJsYaml(yaml), 'the block reader left the bench results to js-yaml');
  const list = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as { items: unknown[] };
  assert.deepEqual(spelled(readBlockYaml(yaml).documents), spelled(list.items));
  rmSync(dir, { recursive: true });
});

test('plain scalars and keys starting with any ASCII character: typed or text exactly as js-yaml says', () => {
  // The reader asks js-yaml's types only about text starting with a sign, digit, dot, ~ n N t T f F.
  // prettier-ignore
  const tails = ['', '1', '0', '.5', 'e3', 'x1F', 'o7', 'b1', 'inf', 'nan', 'ull', 'ULL', 'rue', 'alse', ' x'];
  let read = 0;
  for (let code = 0x20; code < 0x7f; code++)
    for (const tail of tails) {
      const text = String.fromCharCode(code) + tail;
      for (const yaml of [`k: ${text}\n`, `- ${text}\n`, `${text}: v\n`]) if (readsAsJsYaml(yaml)) read++;
    }
  assert.ok(read > 3000, `read ${read}`);
});

test('strings go-yaml wraps, escapes or writes as literal blocks are read back as js-yaml reads them', () => {
  const wrapped = [
    'status:\n  errorOutput: |-\n    line one\n      indented\n\n    # not a comment\n  phase: Failed\n',
    '- |+\n  kept\n\n- |\n  clipped\n\n',
    'status:\n  description: Probe failed with a rather long message that go-yaml wraps at eighty\n    columns\n',
    "- message: 'Actual value: 503. Expected value: should be equal to 200, and\n    more'\n",
    'a: "one\\ttwo\n  three\n\n  four"\nb: one\n\n  two\n',
    // An emoji beyond U+FFFF, as kubectl writes Litmus 2's "Passed 👍 ".
    'status:\n  PostChaos: "Passed \\U0001F44D "\n',
    // A first line starting with a space or a line break: an indentation indicator, counted from the
    // key's or the dash's column ("\n" is a `|2+` block without a line).
    'status:\n  description: |2-\n      indented\n    second\n  lines:\n  - |2\n     one\n\n     two\n',
    'a:\n- |2+\n\n- |2-\n\n  starts with a line break\n- - |2+\n       kept\n\n\n- k: |-2\n     x\n',
  ];
  for (const text of wrapped) assert.ok(readsAsJsYaml(text), JSON.stringify(text));
});

test('what it leaves to js-yaml: anchors, tags, folded scalars, flow content, escaped line ends, tabs', () => {
  for (const text of [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: >-\n  folded\n  text\n',
    'a: [1, 2]\n',
    'a: {b: 1}\n',
    'a: "one\\\n  two"\n',
    'a: one\n  # comment\n  two\n',
    'a:\n\tb: 1\n',
    'a: 1\r\nb: 2\r\n',
    'a: 1\na: 2\n', // js-yaml refuses the repeated key
    'a: 1 # comment\n',
    '? a\n: 1\n',
    '%YAML 1.2\n---\na: 1\n',
    '__proto__: 1\n',
    'just text\n',
  ])
    assert.ok(!readsAsJsYaml(text) && readBlockYaml(text).documents.length === 0, JSON.stringify(text));
});

test('a file read in part: the documents before the first it cannot read are its, the rest js-yaml’s', () => {
  const result = (name: string) => `kind: ChaosResult\nmetadata:\n  name: ${name}\n`;
  const text = `${result('a')}---\n${result('b')}  finalizers: [x]\n---\n${result('c')}`;
  assert.deepEqual(readBlockYaml(text), {
    documents: [{ kind: 'ChaosResult', metadata: { name: 'a' } }],
    from: text.indexOf('---'),
  });
  assert.ok(!readsAsJsYaml(text));
  // An error in a later document is js-yaml's, counting lines from the start of the file.
  const broken = `${text}---\na: 1\na: 2\n`;
  assert.equal(readBlockYaml(broken).documents.length, 1);
  assert.throws(() => loadYaml(broken), /^YAMLException: duplicated mapping key \(15:1\)/);
  for (const more of [broken, `${text}---\nb: [\n`]) readsAsJsYaml(more);
});

test('generated kubectl-style documents and near misses: read as js-yaml reads them, or left to js-yaml', () => {
  const next = random(20261202);
  let read = 0;
  let readIndicated = 0;
  let count = 0;
  for (let i = 0; i < 4000; i++, count++) {
    const text = generatedYaml(next);
    if (!readsAsJsYaml(text)) continue;
    read++;
    if (/\|[-+]?[1-9]/.test(text)) readIndicated++; // a literal block with an indentation indicator
  }
  // Enough of them are read for the comparison to mean something.
  assert.ok(read > count / 5, `read ${read} of ${count}`);
  assert.ok(readIndicated > read / 10, `read ${readIndicated} with indentation indicators`);
});

test('one character changed in a file the reader reads: still js-yaml’s values, or left to js-yaml', () => {
  const next = random(7);
  const sources = repoYaml.filter(readsAll);
  for (let i = 0; i < 300; i++) sources.push(generatedYaml(next));
  let read = 0;
  let count = 0;
  for (const text of sources)
    for (let i = 0; i < 12; i++, count++) if (readsAsJsYaml(mutated(text, next))) read++;
  assert.ok(read > count / 10, `read ${read} of ${count}`);
});
