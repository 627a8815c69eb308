// What is not confirmed stopped, as the user sees it: a log line and a report case each, with the
// command that stops it, for engines, workflows and selectors that could not be listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StopReport } from '../../../src/run/stop.ts';
import {
  carryingStopCases,
  describeUnconfirmed,
  stopCasesCarriedBy,
  withStopCases,
} from '../../../src/run/stop-report.ts';

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

test('each unconfirmed engine, workflow and selector gets a log line with its command', () => {
  const lines = describeUnconfirmed(stops, 'Terminate').join('\n');
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
    describeUnconfirmed({ ...stops, engines: [stops.engines[0]!], workflows: [], unlisted: [] }, 'Stop'),
    [],
  );
});

test('the report gets an errored "chaos stopped" case in the engine\'s own suite, or a new one', () => {
  const report = withStopCases(
    { suites: [{ kind: 'chaosengine', name: 'shop/cart-chaos', properties: {}, cases: [] }] },
    stops,
    'Stop',
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
  assert.equal(carryingStopCases(error, stops, 'Stop'), error);
  assert.deepEqual(stopCasesCarriedBy(error), withStopCases({ suites: [] }, stops, 'Stop'));
  const confirmed = { ...stops, engines: [stops.engines[0]!], workflows: [], unlisted: [] };
  assert.deepEqual(stopCasesCarriedBy(carryingStopCases(new Error('x'), confirmed, 'Stop')), { suites: [] });
  // Thrown as a string, it is made an Error to carry them.
  assert.equal(stopCasesCarriedBy(carryingStopCases('lost', stops, 'Stop')).suites.length, 3);
});
