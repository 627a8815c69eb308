import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { defaultPolicy, evaluateGate, type GatePolicy } from '../../../src/gate/policy.ts';
import { renderJUnit } from '../../../src/report/junit.ts';
import type { Report } from '../../../src/report/model.ts';
import { repoRoot } from '../../support/fixtures.ts';
import { assertReadAlike, assertValidJUnit, readAsDorny } from '../../support/junit-readers.ts';
import {
  everyOutcome,
  failedProbe,
  hostile,
  resultsOnly,
  scenarios,
  withLoad,
} from '../../support/reports.ts';

const render = (report: Report, policy: Partial<GatePolicy> = {}, hostname = 'ci-agent-7') =>
  renderJUnit(report, evaluateGate(report, { ...defaultPolicy, ...policy }), { hostname });

const policies: Record<string, Partial<GatePolicy>> = {
  default: {},
  lenient: { stopped: 'skip', timeouts: 'skip', allowFailures: ['pod-cpu-hog'] },
  thresholdsOnly: { failOnFailure: false, minProbeSuccess: 30 },
};

for (const [name, build] of Object.entries(scenarios)) {
  for (const [policyName, policy] of Object.entries(policies)) {
    test(`JUnit of ${name} (${policyName}): valid for junit-10.xsd and Ant, read alike by junitparser, dorny and mikepenz`, async () => {
      const report = build();
      const decision = evaluateGate(report, { ...defaultPolicy, ...policy });
      const read = await assertReadAlike(renderJUnit(report, decision, { hostname: 'ci-agent-7' }));
      const count = (result: string) => read.cases.filter((c) => c.result === result).length;
      assert.deepEqual(
        [count('passed'), count('failure'), count('error'), count('skipped')],
        [decision.counts.passed, decision.counts.failed, decision.counts.errored, decision.counts.skipped],
      );
    });
  }
}

test('counts follow the gate policy: Stopped is a failure by default, skipped when configured', async () => {
  const count = async (policy: Partial<GatePolicy>) => {
    const read = await assertReadAlike(render(everyOutcome(), policy));
    return ['passed', 'failure', 'error', 'skipped'].map(
      (r) => read.cases.filter((c) => c.result === r).length,
    );
  };
  assert.deepEqual(await count({}), [1, 2, 2, 1]);
  assert.deepEqual(await count({ stopped: 'skip', timeouts: 'skip' }), [1, 1, 1, 3]);
});

test('messages keep quotes, markup, ]]> and emoji; control characters are dropped', async () => {
  const read = await assertReadAlike(render(everyOutcome()));
  const cpuHog = read.cases.find((c) => c.name === 'pod-cpu-hog');
  assert.equal(cpuHog?.message, 'a "quote" <tag> & ]]> nul bell | pipe\nnew line 🧨 </testcase>');
});

test('skip reasons are in <skipped message>, where every reader finds them', async () => {
  const read = await assertReadAlike(render(everyOutcome(), { stopped: 'skip', timeouts: 'skip' }));
  const message = (name: string) => read.cases.find((c) => c.name === name)?.message;
  assert.equal(message('pod-delete / probe http'), 'probe verdict N/A');
  assert.equal(message('container-kill'), 'stopped: aborted');
  assert.equal(message('disk-fill'), 'timeout: still Awaited');
  assert.doesNotMatch(render(everyOutcome()), /<system-out>[^<]/, 'nothing hidden in system-out');
});

test('a tolerated failure is skipped for every reader and says which setting tolerated it', async () => {
  const allowed = await assertReadAlike(render(everyOutcome(), { allowFailures: ['pod-cpu-hog'] }));
  const cpuHog = allowed.cases.find((c) => c.name === 'pod-cpu-hog');
  assert.equal(cpuHog?.result, 'skipped');
  assert.match(cpuHog?.message ?? '', /^tolerated by gate\.allowFailures: fail: a "quote"/);
  assert.match(
    render(everyOutcome(), { allowFailures: ['pod-cpu-hog'] }),
    /<skipped message="tolerated by [^"]*" type="tolerated"\/>/,
  );

  // Only thresholds decide, and 2 of 3 probes passed: the failed probe and experiment do not fail anything.
  const floor = await assertReadAlike(render(failedProbe(), { failOnFailure: false, minProbeSuccess: 60 }));
  assert.deepEqual(
    floor.cases.filter((c) => c.result !== 'passed').map((c) => [c.name, c.message?.split(':')[0]]),
    [
      ['pod-delete', 'tolerated by gate.failOnFailure'],
      ['pod-delete / probe cart-responds', 'tolerated by gate.minProbeSuccess'],
    ],
  );
  // Below the floor the failed probe is why the gate fails, and shown as a failure.
  const below = await assertReadAlike(render(failedProbe(), { failOnFailure: false, minProbeSuccess: 80 }));
  assert.equal(below.cases.find((c) => c.name === 'pod-delete / probe cart-responds')?.result, 'failure');
});

test('every suite and case has a time; probes count 0, so totals are not doubled', async () => {
  const xml = render(failedProbe());
  const dorny = await readAsDorny(xml);
  assert.deepEqual(
    dorny.cases.map((c) => [c.name, c.time]),
    [
      ['pod-delete', 60],
      ['pod-delete / probe cart-responds', 0],
      ['pod-delete / probe cart-ready', 0],
      ['pod-cpu-hog', 55],
      ['pod-cpu-hog / probe cart-ready', 0],
    ],
  );
  assert.equal(dorny.suites[0]?.time, 90);
  // Results converted from a file say nothing of time: 0, never missing (dorny would print NaNms).
  const converted = await readAsDorny(render(resultsOnly()));
  assert.deepEqual([converted.suites[0]?.time, ...converted.cases.map((c) => c.time)], [0, 0, 0]);
  assert.match(
    render(resultsOnly()),
    /<testsuites name="chaos-gate" tests="2" failures="0" errors="0" time="0">/,
  );
});

test('per-case properties only on request: junit-10.xsd rejects them, so they are off by default', () => {
  const report = failedProbe();
  const probe = report.suites[0]?.cases[1];
  if (probe) probe.properties = { probe: 'cart-responds', type: 'httpProbe' };
  const decision = evaluateGate(report, defaultPolicy);
  const plain = renderJUnit(report, decision, { hostname: 'h' });
  assert.doesNotMatch(plain, /<testcase[^>]*>\s*<properties>/);
  const withProperties = renderJUnit(report, decision, { hostname: 'h', caseProperties: true });
  assert.match(
    withProperties,
    /name="pod-delete \/ probe cart-responds" time="0">\n<properties>\n<property name="kind" value="probe"\/>\n<property name="probe" value="cart-responds"\/>\n<property name="type" value="httpProbe"\/>/,
  );
  assert.throws(() => assertValidJUnit(withProperties), /junit-10\.xsd rejects the JUnit[\s\S]*properties/);
});

test('timestamps are UTC with a Z whatever the machine time zone and whatever form they came in', () => {
  const written: Record<string, string | undefined> = {
    '2026-11-20T10:00:05Z': '2026-11-20T10:00:05Z',
    '2026-11-20T15:30:05+05:30': '2026-11-20T10:00:05Z',
    '2026-11-20T10:00:05.250Z': '2026-11-20T10:00:05.250Z',
    '2026-11-30T10:00:05Z': '2026-11-30T10:00:05Z',
    '2026-02-30T10:00:05Z': '2026-03-02T10:00:05Z',
    yesterday: undefined,
  };
  const [suite] = everyOutcome().suites;
  const report: Report = { suites: Object.keys(written).map((timestamp) => ({ ...suite!, timestamp })) };
  const script = `import { renderJUnit } from './src/report/junit.ts'; import { defaultPolicy, evaluateGate } from './src/gate/policy.ts';
    const report = ${JSON.stringify(report)};
    process.stdout.write(renderJUnit(report, evaluateGate(report, defaultPolicy)));`;
  for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
    const xml = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, TZ: tz },
    }).toString();
    const timestamps = [...xml.matchAll(/<testsuite [^>]*?(?:timestamp="([^"]*)"[^>]*)?>/g)].map((m) => m[1]);
    assert.deepEqual(timestamps, Object.values(written), tz);
  }
});

test('the hostile message stays one attribute: nothing it holds can open or close an element', () => {
  const xml = render(everyOutcome());
  assert.equal(xml.match(/<testcase /g)?.length, 6);
  assert.ok(!xml.includes(hostile));
});

test('a decision taken on another report is refused, not rendered against the wrong cases', () => {
  const report = failedProbe();
  const decision = evaluateGate(report, defaultPolicy);
  const [suite] = report.suites;
  const other: Report = { suites: suite ? [{ ...suite, cases: suite.cases.slice(1) }] : [] };
  assert.throws(() => renderJUnit(other, decision), /is not the one the gate decided on/);
});

test("warnings are in their suite's <system-out>, the gate's in every suite's, where Jenkins shows them", async () => {
  const report = withLoad();
  const load = report.suites.find((suite) => suite.kind === 'load');
  assert.ok(load);
  load.warnings = ['hey.csv: errorRate counted HTTP error statuses only'];
  const decision = {
    ...evaluateGate(report, defaultPolicy),
    warnings: ['--allow-failure "pod-deletex" names no experiment in the report'],
  };
  const read = await assertReadAlike(renderJUnit(report, decision, { hostname: 'ci-agent-7' }));
  const outputs = Object.fromEntries(read.suites.map((suite) => [suite.name, suite.output]));
  const gate = 'WARNING: --allow-failure "pod-deletex" names no experiment in the report';
  assert.deepEqual(outputs, {
    ...Object.fromEntries(report.suites.map((suite) => [suite.name, gate])),
    [load.name]: `WARNING: hey.csv: errorRate counted HTTP error statuses only\n${gate}`,
  });
});

test("the root's time is the run's length, which dorny shows; adding up the suites counts overlaps twice", async () => {
  // The load ran 120 s from the chaos suite's start, whose 90 s it spans.
  const report = withLoad();
  const dorny = await readAsDorny(render(report));
  assert.deepEqual(
    dorny.suites.map((suite) => suite.time),
    [90, 120],
  );
  assert.equal(dorny.time, 120);
});
