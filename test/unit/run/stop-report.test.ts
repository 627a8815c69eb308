// What is not confirmed stopped, as the user sees it: a log line and a report case each, with the
// command that stops it, for engines, workflows and selectors that could not be listed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { ReportCase } from '../../../src/report/model.ts';
import { kubectlFor } from '../../../src/kube/kubeconfig-source.ts';
import type { StopReport } from '../../../src/run/stop.ts';
import {
  carryingStopCases,
  describeUnconfirmed,
  stopCasesCarriedBy,
  stopCasesIn,
  warningsUnderError,
  withStopCases,
} from '../../../src/run/stop-report.ts';
import { carryingWarnings } from '../../../src/run/warnings.ts';

const stops: StopReport = {
  engines: [
    { ref: { namespace: 'shop', name: 'done', uid: '1' }, confirmed: true },
    {
      ref: { namespace: 'shop', name: 'cart-chaos', uid: '2' },
      confirmed: false,
      why: 'the stop patch failed: connection refused',
    },
  ],
  foundFinished: [],
  workflows: [{ ref: { namespace: 'shop', name: 'chaos-load-x' }, confirmed: false, why: 'no answer' }],
  unlisted: [
    { kind: 'ChaosEngines', namespace: 'shop', selector: 'chaos-gate.io/run=r1', why: 'listing failed' },
  ],
};

/** The commands of a run that reaches its cluster as kubectl does by default. */
const bare = { kubectl: 'kubectl', strategy: 'Stop' } as const;

test('each unconfirmed engine, workflow and selector gets a log line with its command', () => {
  const lines = describeUnconfirmed(stops, { kubectl: 'kubectl', strategy: 'Terminate' }).join('\n');
  assert.doesNotMatch(lines, /shop\/done/, 'what was confirmed is not reported');
  assert.match(
    lines,
    /ERROR: chaos may still be running: ChaosEngine shop\/cart-chaos was not confirmed stopped: the stop patch failed: connection refused/,
  );
  assert.ok(
    lines.includes(
      `to stop it: kubectl patch chaosengine cart-chaos -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
    ),
  );
  assert.ok(
    lines.includes(
      `to stop it: kubectl patch workflow chaos-load-x -n shop --type merge -p '{"spec":{"shutdown":"Terminate"}}'`,
    ),
  );
  assert.ok(
    lines.includes(
      `kubectl get chaosengines -n shop -l chaos-gate.io/run=r1 -o name | xargs -r kubectl patch -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
    ),
  );
  assert.deepEqual(
    describeUnconfirmed({ ...stops, engines: [stops.engines[0]!], workflows: [], unlisted: [] }, bare),
    [],
  );
});

test('the report gets an errored "chaos stopped" case in the engine\'s own suite, or a new one', () => {
  const report = withStopCases(
    { suites: [{ kind: 'chaosengine', name: 'shop/cart-chaos', properties: {}, cases: [] }] },
    stops,
    bare,
  );
  const byName = Object.fromEntries(report.suites.map((s) => [s.name, s]));
  const engineCase = byName['shop/cart-chaos']?.cases[0];
  assert.equal(engineCase?.kind, 'chaos-stop');
  assert.equal(engineCase?.outcome, 'error');
  assert.equal(engineCase?.name, 'chaos stopped');
  assert.match(engineCase?.properties.command ?? '', /^kubectl patch chaosengine cart-chaos -n shop/);
  assert.equal(byName['shop/chaos-load-x']?.kind, 'workflow');
  assert.equal(byName['shop (chaos-gate.io/run=r1)']?.cases[0]?.kind, 'chaos-stop');
  assert.equal(report.suites.length, 3);
});

test('an error carries the cases of its stops not confirmed, keeping its class; none when all were', () => {
  const error = new TypeError('watch refused');
  const cases = withStopCases({ suites: [] }, stops, bare);
  assert.equal(carryingStopCases(error, cases), error);
  assert.deepEqual(stopCasesCarriedBy(error), cases);
  // Every stop confirmed is said too: the action's post step leaves such a cluster alone.
  assert.deepEqual(stopCasesCarriedBy(carryingStopCases(new Error('x'), { suites: [] })), { suites: [] });
  assert.equal(stopCasesCarriedBy(new Error('said nothing of its stops')), undefined);
  // Thrown as a string, it is made an Error to carry them.
  assert.equal(stopCasesCarriedBy(carryingStopCases('lost', cases))?.suites.length, 3);
});

test('under an error: each stop it could not confirm, as its case says, then the run warnings', () => {
  const error = carryingWarnings(
    carryingStopCases(new Error('watch refused'), withStopCases({ suites: [] }, stops, bare)),
    ['run id r1 not locked'],
  );
  assert.deepEqual(warningsUnderError(error), [
    `chaos may still be running: ChaosEngine shop/cart-chaos was not confirmed stopped: the stop patch failed: connection refused; to stop it: kubectl patch chaosengine cart-chaos -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
    `chaos may still be running: Workflow shop/chaos-load-x was not confirmed stopped: no answer; to stop it: kubectl patch workflow chaos-load-x -n shop --type merge -p '{"spec":{"shutdown":"Stop"}}'`,
    `chaos may still be running: ChaosEngines labelled chaos-gate.io/run=r1 in namespace shop was not confirmed stopped: listing failed; to stop it: kubectl get chaosengines -n shop -l chaos-gate.io/run=r1 -o name | xargs -r kubectl patch -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
    'run id r1 not locked',
  ]);
  // Every stop confirmed, or an error that says nothing of its stops: the warnings alone.
  const confirmed = carryingWarnings(carryingStopCases(new Error('x'), { suites: [] }), ['w']);
  assert.deepEqual(warningsUnderError(confirmed), ['w']);
  assert.deepEqual(warningsUnderError(new Error('said nothing')), []);
});

test("a report's chaos stopped cases, in their suites, and no suite without one", () => {
  const report = withStopCases(
    {
      suites: [
        { kind: 'chaosengine', name: 'shop/cart-chaos', properties: {}, cases: [passed('shop/cart-chaos')] },
        { kind: 'chaosengine', name: 'shop/done', properties: {}, cases: [passed('shop/done')] },
      ],
    },
    stops,
    bare,
  );
  const only = stopCasesIn(report);
  assert.deepEqual(
    only.suites.map((suite) => [suite.name, suite.cases.map((c) => c.kind)]),
    [
      ['shop/cart-chaos', ['chaos-stop']],
      ['shop/chaos-load-x', ['chaos-stop']],
      ['shop (chaos-gate.io/run=r1)', ['chaos-stop']],
    ],
  );
});

function passed(className: string): ReportCase {
  return { kind: 'experiment', className, name: 'pod-delete', outcome: 'pass', properties: {} };
}

test('a cluster reached by a kubeconfig file and a context the run was given: each command reaches it too', () => {
  const kubectl = kubectlFor({
    kubeconfig: "/ci/us cluster's.yaml",
    context: 'arn:aws:eks:us-east-1:1:cluster/us',
  });
  const to = `kubectl --kubeconfig '/ci/us cluster'\\''s.yaml' --context arn:aws:eks:us-east-1:1:cluster/us`;
  assert.deepEqual(
    withStopCases({ suites: [] }, stops, { kubectl, strategy: 'Stop' }).suites.map(
      (suite) => suite.cases[0]?.properties.command,
    ),
    [
      `${to} patch chaosengine cart-chaos -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
      `${to} patch workflow chaos-load-x -n shop --type merge -p '{"spec":{"shutdown":"Stop"}}'`,
      `${to} get chaosengines -n shop -l chaos-gate.io/run=r1 -o name | xargs -r ${to} patch -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
    ],
  );
  assert.ok(
    describeUnconfirmed(stops, { kubectl, strategy: 'Stop' }).includes(
      `[chaos-gate]   to stop it: ${to} patch chaosengine cart-chaos -n shop --type merge -p '{"spec":{"engineState":"stop"}}'`,
    ),
  );
  // What kubectl finds by itself reaches the cluster the run reached from where it ran: no flag; nor
  // for the pod's service account, or inline content, which has no file to name.
  assert.equal(kubectlFor({}), 'kubectl');
  assert.equal(kubectlFor({ kubeconfig: 'us.yaml' }), `kubectl --kubeconfig ${path.resolve('us.yaml')}`);
  assert.equal(kubectlFor({ inCluster: true }), 'kubectl');
  assert.equal(kubectlFor({ kubeconfigContent: 'apiVersion: v1', context: 'eu' }), 'kubectl --context eu');
});
