// `chaos-gate report` on every file a user saves with the real kubectl (built by scripts/sandbox/build.sh
// at the API server's release) from a sandbox holding ChaosEngines and their ChaosResults: the objects,
// as YAML or JSON, alone or with their engines, are judged alike; whatever else kubectl prints is refused
// (exit 2) naming the file and saying what it is and how to save the objects instead.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import type { ChaosEngine, ChaosResult } from '../../src/litmus/types.ts';
import { fixturePath } from '../support/fixtures.ts';
import { createLitmusObject, sandboxKubectl, type Kubectl } from '../support/kubectl.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-kubectl-saved-'));
let sandbox: Sandbox;
let kubectl: Kubectl;

const fixture = <T>(name: string): T => parse(readFileSync(fixturePath(name), 'utf8')) as T;

/** A fixture's object as a user would create it in `namespace`: no server-set metadata. */
function fresh<T extends ChaosEngine | ChaosResult>(object: T, namespace: string, name: string): T {
  const { labels, annotations } = object.metadata;
  return { ...object, metadata: { name, namespace, labels, annotations } };
}

/**
 * An engine after its run, and its ChaosResult labelled with the engine's UID as the runner labels it,
 * so the report matches them.
 */
async function engineAndResult(namespace: string, engine: string, result: string, verdict: string) {
  const observed = fresh(fixture<ChaosEngine>('litmus/engines/observed-completed.yaml'), namespace, engine);
  for (const experiment of observed.status?.experiments ?? []) experiment.verdict = verdict;
  const created = await createLitmusObject(sandbox, 'chaosengines', observed);
  const ran = fresh(fixture<ChaosResult>(`litmus/results/${result}`), namespace, `${engine}-pod-delete`);
  ran.metadata.labels = { ...ran.metadata.labels, chaosUID: created.metadata?.uid ?? '' };
  ran.spec = { ...ran.spec, engine };
  await createLitmusObject(sandbox, 'chaosresults', ran);
}

before(async () => {
  sandbox = await startSandbox();
  kubectl = sandboxKubectl(sandbox, dir);
  for (const namespace of ['shop', 'checkout', 'empty-ns']) await sandbox.createNamespace(namespace);
  await engineAndResult('shop', 'frontend-chaos', 'chaosresult-3x-pass.yaml', 'Pass');
  await engineAndResult('checkout', 'payments-chaos', 'chaosresult-3x-fail-probe.yaml', 'Fail');
});

after(async () => {
  await sandbox?.stop();
});

let saved = 0;
/** What `kubectl ARGS > FILE` leaves in FILE. */
function save(args: string[], name = `saved-${++saved}.txt`): string {
  const file = path.join(dir, name);
  writeFileSync(file, kubectl(...args));
  return file;
}

/** `chaos-gate report --results FILE…` as a user runs it: exit code and what it printed. */
async function report(...files: string[]) {
  const { code, stdout, stderr } = await runEntry('dist/cli.js', [
    'report',
    ...files.flatMap((file) => ['--results', file]),
  ]).done;
  return { code, out: `${stdout}${stderr}` };
}

/** The gate's lines that name what failed. */
const failures = (out: string) => out.split('\n').filter((line) => / › /.test(line));

test('results saved as YAML and as JSON, all or one, are judged alike', async () => {
  const all = await report(save(['get', 'chaosresults', '-A', '-o', 'yaml'], 'all.yaml'));
  assert.equal(all.code, 1, all.out);
  // shop's experiment and its two probes passed; checkout's experiment and one of its probes failed.
  assert.match(all.out, /gate FAILED \(4 passed, 2 failed, 0 errored, 0 skipped\)/);
  assert.match(
    all.out,
    /experiment checkout\/payments-chaos › pod-delete failed: probe check-frontend-access-url failed/,
  );
  const json = await report(save(['get', 'chaosresults', '-A', '-o', 'json'], 'all.json'));
  assert.equal(json.code, 1, json.out);
  assert.equal(json.out, all.out);
  const one = await report(
    save(['get', 'chaosresult', 'payments-chaos-pod-delete', '-n', 'checkout', '-o', 'yaml'], 'one.yaml'),
  );
  assert.equal(one.code, 1, one.out);
  assert.match(one.out, /gate FAILED \(1 passed, 2 failed/);
  assert.deepEqual(failures(one.out), failures(all.out));
});

test('engines saved with their results, in one list or in two files, give the verdicts of the results alone', async () => {
  const results = await report(save(['get', 'chaosresults', '-A', '-o', 'yaml'], 'results.yaml'));
  const mixed = save(['get', 'chaosengines,chaosresults', '-A', '-o', 'yaml'], 'mixed.yaml');
  assert.match(readFileSync(mixed, 'utf8'), /kind: ChaosEngine\n[^]*kind: ChaosResult\n[^]*kind: List\n/);
  const together = await report(mixed);
  assert.equal(together.code, 1, together.out);
  assert.equal(together.out, results.out);
  const engines = save(['get', 'chaosengines', '-A', '-o', 'yaml'], 'engines.yaml');
  const apart = await report(engines, path.join(dir, 'results.yaml'));
  assert.equal(apart.code, 1, apart.out);
  assert.equal(apart.out, together.out);
  // Engines alone carry no verdict.
  const alone = await report(engines);
  assert.equal(alone.code, 2, alone.out);
  assert.match(
    alone.out,
    /engines\.yaml: no ChaosResult found \(only 2 ChaosEngine\(s\), which carry no verdict\)/,
  );
});

/** Refused with exit 2, naming the file, and saying `says`. */
async function assertRefused(file: string, says: RegExp) {
  const { code, out } = await report(file);
  assert.equal(code, 2, out);
  assert.ok(out.startsWith(`chaos-gate: error: ${file}`), out);
  assert.match(out, says);
}

/** `text` cut where `at` ends, in the middle of `line` in it: a CI step killed while saving, a full disk. */
function cutOff(text: string, line: string, at: string): string {
  const start = text.indexOf(line);
  assert.ok(start >= 0 && line.startsWith(at) && line.length > at.length, line);
  return text.slice(0, start + at.length);
}

const tableMessage =
  /: this is a table `kubectl get` prints \(without `-o`, or with `-o wide` or `-o custom-columns`\)/;
const plainText =
  /, document 1: expected a Kubernetes object \(a mapping\); this is plain text \(`kubectl get` output with --no-headers, -o name or -o jsonpath\?\)/;

test('what kubectl describe prints is refused, saying how to save the objects described', async () => {
  await assertRefused(
    save(['describe', 'chaosresult', 'payments-chaos-pod-delete', '-n', 'checkout']),
    /: this is `kubectl describe` output, which cannot be read back; save the object itself with `kubectl get chaosresult payments-chaos-pod-delete -n checkout -o yaml`$/m,
  );
  await assertRefused(
    save(['describe', 'chaosengines', '-n', 'shop']),
    /save the object itself with `kubectl get chaosengine frontend-chaos -n shop -o yaml`$/m,
  );
  await assertRefused(
    save(['describe', 'chaosresults', '-A']),
    /: this is `kubectl describe` output, which cannot be read back; save the objects themselves with `kubectl get chaosresult -A -o yaml`$/m,
  );
});

test('the tables kubectl get prints are refused as tables', async () => {
  const tables = [['-n', 'shop'], ['-A'], ['-A', '-o', 'wide']].map((args) =>
    save(['get', 'chaosresults', ...args]),
  );
  assert.match(
    readFileSync(tables[1] as string, 'utf8'),
    /^NAMESPACE +NAME +AGE\ncheckout +payments-chaos-pod-delete /,
  );
  for (const table of tables) await assertRefused(table, tableMessage);
  await assertRefused(
    save([
      'get',
      'chaosresults',
      '-A',
      '-o',
      'custom-columns=NAME:.metadata.name,VERDICT:.status.experimentStatus.verdict',
    ]),
    tableMessage,
  );
});

test('names and rows without the objects are refused, saying which kubectl output they are', async () => {
  await assertRefused(
    save(['get', 'chaosresults', '-A', '-o', 'name']),
    /: this is `kubectl get -o name` output, names only/,
  );
  await assertRefused(
    save(['get', 'chaosresult', 'frontend-chaos-pod-delete', '-n', 'shop', '-o', 'name']),
    /: this is `kubectl get -o name` output, names only/,
  );
  for (const args of [['-A'], ['-n', 'shop']])
    await assertRefused(save(['get', 'chaosresults', ...args, '--no-headers']), plainText);
  await assertRefused(
    save(['get', 'chaosresults', '-A', '-o', 'jsonpath={.items[*].metadata.name}']),
    plainText,
  );
});

test('kubectl finding nothing is refused as such, with its list or its message saved', async () => {
  for (const format of ['yaml', 'json'])
    await assertRefused(
      save(['get', 'chaosresults', '-n', 'empty-ns', '-o', format]),
      /: holds only an empty list \(items: \[\]\): kubectl found no objects when it was saved; check the namespace and the selector$/m,
    );
  const both = path.join(dir, 'none.txt');
  kubectl.saveAll(both, 'get', 'chaosresults', '-n', 'empty-ns');
  assert.equal(readFileSync(both, 'utf8'), 'No resources found in empty-ns namespace.\n');
  await assertRefused(
    both,
    /: kubectl found no objects \("No resources found"\) when it was saved; check the namespace and the selector$/m,
  );
});

test('what kubectl wrote, cut off mid-line, is refused as cut off rather than judged', async () => {
  const cut = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  // One result, cut in its verdict: still YAML, and a verdict "Pa" would be an error to judge.
  const one = kubectl('get', 'chaosresult', 'frontend-chaos-pod-delete', '-n', 'shop', '-o', 'yaml');
  await assertRefused(
    cut('one-cut.yaml', cutOff(one, 'verdict: Pass\n', 'verdict: Pa')),
    /, document 1 \(ChaosResult frontend-chaos-pod-delete\): the file ends mid-line in this object \(was it cut off\?\)/,
  );
  const list = kubectl('get', 'chaosresults', '-A', '-o', 'yaml');
  await assertRefused(
    cut('list-cut.yaml', cutOff(list, 'verdict: Pass\n', 'verdict: Pa')),
    /, document 1: field kind: required; this is a list \(it has items\) without the `kind: List` kubectl writes after them \(was the file cut off\?\)$/m,
  );
  // Cut where the YAML breaks on its last line, not at its very end: a key cut to the one before it,
  // a value cut to a key of its own, a single-quoted string cut after a quote written twice.
  const mixed = kubectl('get', 'chaosengines,chaosresults', '-A', '-o', 'yaml');
  for (const [line, at] of [
    ['namespace: checkout\n', 'name'],
    ['url: http://nginx', 'url: http:'],
    ["Actual code: ''200''", "Actual code: ''"],
  ] as const)
    await assertRefused(
      cut('mixed-cut.yaml', cutOff(mixed, line, at)),
      /: invalid YAML where the file ends mid-line \(was it cut off\?\): /,
    );
  const json = kubectl('get', 'chaosresults', '-A', '-o', 'json');
  await assertRefused(
    cut('list-cut.json', cutOff(json, '"verdict": "Pass"', '"verdict": "Pa')),
    /: invalid JSON: Unterminated string in JSON at position \d+ \(line \d+ column \d+\): the file ends inside the JSON \(was it cut off\?\)$/m,
  );
});
