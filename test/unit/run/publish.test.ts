// What the gate's verdict looks like in a CI log.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate } from '../../../src/gate/policy.ts';
import type { Report, ReportCase } from '../../../src/report/model.ts';
import { resolveConfig } from '../../../src/config/load.ts';
import { conclude, describeDecision } from '../../../src/run/publish.ts';
import { manyFailures } from '../../support/reports.ts';

const probe = (i: number): ReportCase => ({
  kind: 'probe',
  className: 'shop/cart-chaos',
  name: `pod-delete / probe p${i}`,
  outcome: i % 2 === 0 ? 'fail' : 'pass',
  message: `probe p${i}: 503`,
  properties: {},
  experiment: 'shop/cart-chaos/pod-delete',
});
const chaosStop = (i: number): ReportCase => ({
  kind: 'chaos-stop',
  className: `shop/engine-${i}`,
  name: 'chaos stopped',
  outcome: 'error',
  message: `ChaosEngine shop/engine-${i} was not confirmed stopped`,
  properties: {},
});

function report(cases: ReportCase[]): Report {
  return { suites: [{ kind: 'chaosengine', name: 'shop/cart-chaos', properties: {}, cases }] };
}

test('a log lists 20 failed checks and counts the rest, naming the reports that hold them', () => {
  const failing = report(Array.from({ length: 60 }, (_, i) => probe(i)));
  const decision = evaluateGate(failing, { ...defaultPolicy, minProbeSuccess: 90 });
  const lines = describeDecision(failing, decision, ['out/junit.xml', 'out/report.json']);
  assert.equal(lines[0], 'gate FAILED (30 passed, 30 failed, 0 errored, 0 skipped):');
  assert.equal(lines.filter((line) => /probe p\d+: 503/.test(line)).length, 20);
  // The threshold is why the gate failed as a whole: never cut, however many checks failed.
  assert.ok(lines.includes('  - probe success 50% is below the minimum of 90%'));
  assert.equal(
    lines.at(-1),
    '  - … and 10 more failed check(s) (every one is in out/junit.xml, out/report.json)',
  );
});

test('chaos that may still be running is always in the log, past any number of failed checks', () => {
  const cases = [
    ...Array.from({ length: 30 }, (_, i) => chaosStop(i)),
    ...Array.from({ length: 40 }, (_, i) => probe(2 * i)),
  ];
  const failing = report(cases);
  const lines = describeDecision(failing, evaluateGate(failing, defaultPolicy), []);
  assert.equal(lines.filter((line) => /was not confirmed stopped/.test(line)).length, 30);
  assert.equal(lines.filter((line) => /probe p\d+: 503/.test(line)).length, 20);
  assert.equal(
    lines.at(-1),
    '  - … and 20 more failed check(s) (write a report to see them all: --junit, --json, --html)',
  );
});

test('a few failed checks are all listed, with no count line', () => {
  const failing = report([probe(0), probe(2), probe(1)]);
  const lines = describeDecision(failing, evaluateGate(failing, defaultPolicy), ['junit.xml']);
  assert.equal(lines.length, 3);
  assert.ok(lines.every((line) => !line.includes('more failed check')));
});

test('the log names the summary among the reports holding every failed check only when it has room for all', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-publish-'));
  const summary = path.join(dir, 'summary.md');
  const json = path.join(dir, 'report.json');
  const config = resolveConfig({ reports: { summary, json } });
  const more = (report: Report) => {
    const lines: string[] = [];
    conclude(config, report, {}, (line) => lines.push(line));
    return lines.find((line) => line.includes('more failed check(s)'));
  };
  // 20,000 failed rows are more than the summary's 900,000 bytes hold.
  assert.equal(
    more(manyFailures(10_000)),
    `chaos-gate:   - … and 19980 more failed check(s) (every one is in ${json})`,
  );
  assert.equal(
    more(manyFailures(100)),
    `chaos-gate:   - … and 180 more failed check(s) (every one is in ${json}, ${summary})`,
  );
});
