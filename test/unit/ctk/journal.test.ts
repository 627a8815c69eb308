// Journals written by the real Chaos Toolkit are converted in test/integration/chaostoolkit.test.ts.
// Here, journals built in code in the shape chaoslib 1.44.0 (chaostoolkit 1.19.0) writes for
// test/fixtures/ctk/experiment-deviates.json, and that shape made wrong field by field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctkJournalToSuite } from '../../../src/ctk/journal.ts';
import { ConfigError } from '../../../src/errors.ts';

const t = (second: number) => `2026-12-01T03:57:${String(second).padStart(2, '0')}.811185+00:00`;
const processActivity = (type: 'probe' | 'action', name: string, path: string, args: string) => ({
  type,
  name,
  provider: { type: 'process', path, arguments: args },
});
const markerPresent = { ...processActivity('probe', 'marker-present', 'test', '-f marker'), tolerance: 0 };

/** What chaoslib's execute_activity records for one probe or action. */
function activityRun(
  activity: Record<string, unknown>,
  started: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    activity,
    output: { status: 0, stdout: '', stderr: '' },
    start: t(started),
    status: 'succeeded',
    end: t(started + 1),
    duration: 1.002719,
    ...extra,
  };
}

function deviatedJournal(): Record<string, unknown> {
  return {
    'chaoslib-version': '1.44.0',
    platform: 'Linux-6.1.0-x86_64-with-glibc2.36',
    node: 'runner',
    experiment: { version: '1.0.0', title: 'the marker stays', method: [], rollbacks: [], dry: null },
    start: t(0),
    status: 'completed',
    deviated: true,
    steady_states: {
      before: { steady_state_met: true, probes: [activityRun(markerPresent, 0, { tolerance_met: true })] },
      after: {
        steady_state_met: false,
        probes: [
          activityRun(markerPresent, 8, {
            output: { status: 1, stdout: '', stderr: '' },
            tolerance_met: false,
          }),
        ],
      },
      during: [],
    },
    run: [
      activityRun(processActivity('action', 'delete-marker', 'rm', '-f marker'), 1),
      activityRun(processActivity('action', 'slow-restart', 'sleep', '5'), 2, {
        output: null,
        status: 'failed',
        exception: [
          'Traceback (most recent call last):\n',
          "subprocess.TimeoutExpired: Command '/usr/bin/sleep 5' timed out after 1 seconds\n",
          'chaoslib.exceptions.ActivityFailed: process activity took too long to complete\n',
        ],
      }),
    ],
    rollbacks: [],
    end: t(9),
    duration: 9.0176913738250732,
  };
}

test('something that is not a journal is rejected naming the file', () => {
  assert.throws(() => ctkJournalToSuite({ title: 'x' }, 'j.json'), /j\.json: not a Chaos Toolkit journal/);
});

test('a journal as chaoslib writes it: a case per probe and action, and the deviation', () => {
  const suite = ctkJournalToSuite(deviatedJournal(), 'journal.json');
  assert.equal(suite.name, 'chaostoolkit/the marker stays');
  assert.equal(suite.timestamp, t(0));
  assert.equal(suite.durationSeconds, 9.0176913738250732);
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome, c.message]),
    [
      ['steady state before: marker-present', 'pass', undefined],
      [
        'steady state after: marker-present',
        'fail',
        'tolerance not met: {"status":1,"stdout":"","stderr":""}',
      ],
      ['action: delete-marker', 'pass', undefined],
      [
        'action: slow-restart',
        'fail',
        'chaoslib.exceptions.ActivityFailed: process activity took too long to complete',
      ],
      ['experiment', 'fail', 'the system deviated from its steady state'],
    ],
  );
});

test('a run interrupted during an action: that action and the experiment read stopped, not failed', () => {
  // What chaos run 1.19.0 writes when Ctrl-C comes during a `sleep 30` action: no status on it.
  const journal = deviatedJournal();
  const cut = activityRun(processActivity('action', 'slow', 'sleep', '30'), 2, { output: null });
  delete cut.status;
  Object.assign(journal, {
    status: 'interrupted',
    deviated: false,
    steady_states: { before: (journal.steady_states as { before: unknown }).before, after: null },
    run: [(journal.run as unknown[])[0], cut],
  });
  const suite = ctkJournalToSuite(journal, 'journal.json');
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome, c.message]),
    [
      ['steady state before: marker-present', 'pass', undefined],
      ['action: delete-marker', 'pass', undefined],
      ['action: slow', 'stopped', 'cut short: the experiment was interrupted while it ran'],
      ['experiment', 'stopped', 'the experiment was interrupted before it finished'],
    ],
  );
});

test('the zone-less UTC times of older chaoslib versions are read as UTC', () => {
  const journal = { ...deviatedJournal(), start: '2019-05-06T10:26:49.637271' };
  assert.equal(ctkJournalToSuite(journal, 'journal.json').timestamp, '2019-05-06T10:26:49.637271Z');
});

const wrongShapes: [string, (journal: Record<string, unknown>) => void, RegExp][] = [
  [
    'run as a map',
    (j) => (j.run = { a: (j.run as unknown[])[0] }),
    /field run: expected a list, got a mapping$/,
  ],
  [
    'probes as a map',
    (j) => ((j.steady_states as { before: { probes: unknown } }).before.probes = { a: 1 }),
    /field steady_states\.before\.probes: expected a list, got a mapping$/,
  ],
  ['a null activity', (j) => (j.run = [null]), /field run\[0\]: expected a mapping, got nothing$/],
  [
    'a number as the exception',
    (j) => ((j.run as Record<string, unknown>[])[1]!.exception = 42),
    /field run\[1\]\.exception: expected text or a list of text, got a number \(42\)$/,
  ],
  [
    'a duration in words',
    (j) => (j.duration = 'slow'),
    /field duration: expected a number, got text \("slow"\)$/,
  ],
  [
    'an activity named by an object',
    (j) => ((j.run as { activity: { name: unknown } }[])[0]!.activity.name = { x: 1 }),
    /field run\[0\]\.activity\.name: expected text, got a mapping$/,
  ],
  [
    'a start that is no time',
    (j) => (j.start = 'yesterday'),
    /field start: expected an ISO 8601 date and time, got text \("yesterday"\)$/,
  ],
  [
    'an activity end that is no time',
    (j) => ((j.run as Record<string, unknown>[])[0]!.end = '1'),
    /field run\[0\]\.end: expected an ISO 8601 date and time/,
  ],
];
for (const [what, change, message] of wrongShapes) {
  test(`a journal with ${what} is refused naming the file and the field, not read wrongly`, () => {
    const journal = deviatedJournal();
    change(journal);
    assert.throws(
      () => ctkJournalToSuite(journal, 'journal.json'),
      (error) =>
        error instanceof ConfigError &&
        /^journal\.json: field /.test(error.message) &&
        message.test(error.message),
    );
  });
}
