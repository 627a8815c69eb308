import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  annotationsOf,
  maxAnnotations,
  maxMessageChars,
  warningAnnotations,
} from '../../../src/action/annotations.ts';
import { defaultPolicy, evaluateGate, type GatePolicy } from '../../../src/gate/policy.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { mergeReports, underLabel, type Report } from '../../../src/report/model.ts';
import { failedProbe, manyFailures, withLoad } from '../../support/reports.ts';

/** The reports the Action writes by default. */
const written = {
  junit: 'chaos-gate-results/junit.xml',
  json: 'chaos-gate-results/report.json',
  jsonSetting: 'json-path',
};

/** The annotations as the Action writes them, beside the job summary it writes. */
function annotate(report: Report, policy: GatePolicy) {
  const decision = evaluateGate(report, policy);
  return annotationsOf(report, decision, renderMarkdown(report, decision, written), written);
}

test('25 failing experiments with failing probes: 10 annotations, the verdict first, the rest counted in the last', () => {
  const report = manyFailures(25);
  const annotations = annotate(report, defaultPolicy);
  assert.equal(annotations.length, maxAnnotations);
  assert.equal(annotations[0]?.title, 'Chaos gate failed');
  assert.match(annotations[0]?.message ?? '', /^50 failed, 0 errored in 25 fault\(s\)/);
  assert.deepEqual(
    annotations.slice(1, 9).map((a) => a.title),
    Array.from({ length: 8 }, (_, i) => `shop/big/exp-${i + 1}`),
  );
  assert.equal(annotations[9]?.title, '17 more fault(s)');
  assert.match(annotations[9]?.message ?? '', /^17 more in the job summary: shop\/big\/exp-9, /);
});

test('10,000 failing experiments: the last annotation names the first few, counts the rest, and says the summary has no room for all', () => {
  const report = manyFailures(10_000);
  const decision = evaluateGate(report, defaultPolicy);
  const summary = renderMarkdown(report, decision, written);
  // 20,000 failed rows are more than the job summary's 900,000 bytes.
  assert.ok(summary.failuresLeftOut > 0);
  const annotations = annotationsOf(report, decision, summary, written);
  assert.equal(annotations.length, maxAnnotations);
  const last = annotations[9]?.message ?? '';
  // One log line and one annotation each: not 9,992 names (190 KB) that GitHub cuts anyway.
  assert.ok(last.length < 500, `${last.length} characters`);
  assert.equal(
    last,
    `9992 more: ${Array.from({ length: 10 }, (_, i) => `shop/big/exp-${i + 9}`).join(', ')} and 9982 others. ` +
      `The job summary has no room for ${summary.failuresLeftOut} failed check(s); the JSON report chaos-gate-results/report.json has every one.`,
  );
});

test('exactly nine faults fit: no "more" annotation', () => {
  const report = manyFailures(9);
  const annotations = annotate(report, defaultPolicy);
  assert.equal(annotations.length, 10);
  assert.equal(annotations[9]?.title, 'shop/big/exp-9');
});

test('an experiment and its failed probe are one annotation; chaos faults before load faults', () => {
  const report = withLoad();
  const annotations = annotate(report, defaultPolicy);
  assert.deepEqual(
    annotations.map((a) => a.title),
    ['Chaos gate failed', 'shop/cart/pod-delete', 'load › p95 during chaos <= 2x baseline'],
  );
  assert.equal(annotations[1]?.message, 'probe cart-responds failed: Actual value: 503');
});

test('the reasons that are not a case (thresholds) are in the verdict annotation; a pass has none', () => {
  const report = failedProbe();
  const below = annotate(report, { ...defaultPolicy, failOnFailure: false, minProbeSuccess: 80 });
  assert.match(below[0]?.message ?? '', /probe success 66% is below the minimum of 80%/);
  assert.deepEqual(annotate(report, { ...defaultPolicy, allowFailures: ['pod-delete'] }), []);
});

test('a huge failure message is cut at a whole line, saying how much more the JSON report has', () => {
  const report = failedProbe();
  const experiment = report.suites[0]?.cases[0];
  assert.ok(experiment);
  // A probe whose command printed 2,000 lines of 50 characters: 100,000 characters.
  const lines = Array.from(
    { length: 2_000 },
    (_, i) => `line ${String(i).padStart(4, '0')} ${'x'.repeat(39)}`,
  );
  experiment.message = `probe cart-responds failed: ${lines.join('\n')}`;
  const message = annotate(report, defaultPolicy)[1]?.message ?? '';
  const [kept, more] = [
    message.slice(0, message.lastIndexOf('\n')),
    message.slice(message.lastIndexOf('\n') + 1),
  ];
  assert.ok(kept.length <= maxMessageChars, `${kept.length} characters kept`);
  assert.ok(experiment.message.startsWith(`${kept}\n`), 'what is kept ends with a whole line');
  assert.equal(
    more,
    `… ${experiment.message.length - kept.length} more characters: the JSON report chaos-gate-results/report.json has every one`,
  );

  // One line too long to cut at a line end is cut inside it.
  experiment.message = 'y'.repeat(70_000);
  const long = annotate(report, defaultPolicy)[1]?.message ?? '';
  assert.equal(
    long,
    `${'y'.repeat(maxMessageChars)}\n… ${70_000 - maxMessageChars} more characters: the JSON report chaos-gate-results/report.json has every one`,
  );
});

test('two merged jobs failing the same experiment: one annotation each, titled with its job', () => {
  const second = failedProbe();
  const experiment = second.suites[0]?.cases[0];
  assert.ok(experiment);
  experiment.message = 'probe cart-responds failed: Actual value: 500';
  // What chaos-gate merge makes of two jobs' reports.
  const report = mergeReports(underLabel(failedProbe(), 'cluster-a'), underLabel(second, 'cluster-b'));
  const annotations = annotate(report, defaultPolicy);
  assert.deepEqual(
    annotations.map(({ title, message }) => [title, message]),
    [
      ['Chaos gate failed', '4 failed, 0 errored in 2 fault(s)'],
      ['cluster-a/shop/cart/pod-delete', 'probe cart-responds failed: Actual value: 503'],
      ['cluster-b/shop/cart/pod-delete', 'probe cart-responds failed: Actual value: 500'],
    ],
  );
  // allowFailures still names the experiment as written, whichever job ran it.
  assert.deepEqual(annotate(report, { ...defaultPolicy, allowFailures: ['cart/pod-delete'] }), []);
});

test('warnings: each its own annotation up to ten; past ten, nine and a tenth that holds the rest', () => {
  const warnings = (n: number) => Array.from({ length: n }, (_, i) => `warning ${i + 1}`);
  assert.deepEqual(
    warningAnnotations(warnings(10)).map((a) => `${a.title}: ${a.message}`),
    warnings(10).map((w) => `Chaos gate warning: ${w}`),
  );
  const annotations = warningAnnotations(warnings(12));
  assert.equal(annotations.length, maxAnnotations);
  assert.deepEqual(annotations[8], { title: 'Chaos gate warning', message: 'warning 9' });
  assert.deepEqual(annotations[9], {
    title: '3 more chaos gate warnings',
    message: 'warning 10\nwarning 11\nwarning 12',
  });
  const long = warningAnnotations([...warnings(9), ...Array.from({ length: 200 }, () => 'x'.repeat(100))]);
  assert.ok((long[9]?.message.length ?? 0) <= maxMessageChars + 100);
  assert.match(long[9]?.message ?? '', /\n… \d+ more characters: the step log has every one$/);
});
