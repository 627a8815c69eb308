// The Chaos Toolkit (chaostoolkit 1.19.0 from PyPI, installed by scripts/install-test-tools.sh) runs our
// two experiments with process probes on a marker file: one whose hypothesis holds, one whose method
// breaks it. chaos-gate reports the journals `chaos run` wrote, alone and beside a chaos run.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { fixturePath } from '../support/fixtures.ts';
import { runEntry } from '../support/run-node.ts';
import { testTool } from '../support/tools.ts';
import { waitFor } from '../support/wait-for.ts';
import { engineFile, uniqueName, useSandbox, workDir } from './helpers.ts';

interface Journal {
  status: string;
  deviated: boolean;
}

/** `chaos run` in a fresh directory that has the marker file; returns the journal's path. */
function chaosRun(experiment: string): { journal: string; code: number | null; output: string } {
  const dir = workDir();
  writeFileSync(path.join(dir, 'marker'), 'up\n');
  const journal = path.join(dir, 'journal.json');
  const ran = spawnSync(
    testTool('chaos'),
    ['--no-version-check', 'run', '--journal-path', journal, fixturePath(`ctk/${experiment}`)],
    { cwd: dir, encoding: 'utf8', timeout: 60_000 },
  );
  return { journal, code: ran.status, output: ran.stdout + ran.stderr };
}

let holds: string;
let deviates: string;
before(() => {
  const good = chaosRun('experiment-holds.json');
  assert.equal(good.code, 0, good.output);
  holds = good.journal;
  const bad = chaosRun('experiment-deviates.json');
  assert.equal(bad.code, 1, `chaos exits 1 when the hypothesis deviates:\n${bad.output}`);
  deviates = bad.journal;
  const journal = JSON.parse(readFileSync(deviates, 'utf8')) as Journal;
  assert.deepEqual([journal.status, journal.deviated], ['completed', true]);
});

interface Case {
  name: string;
  outcome: string;
  message?: string;
}
/** Whether `parent` has a child process running `sleep` (chaoslib runs it through `/bin/sh -c`). */
function childSleeping(parent: number): boolean {
  return readdirSync('/proc').some((pid) => {
    try {
      // `pid (comm) state ppid …`
      const ppid = /\) \S+ (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
      return Number(ppid) === parent && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sleep');
    } catch {
      return false; // not a process, or one that just ended
    }
  });
}

const suiteOf = (json: string, name: string) =>
  (JSON.parse(readFileSync(json, 'utf8')) as { suites: { name: string; cases: Case[] }[] }).suites.find(
    (s) => s.name === name,
  );

describe('chaos-gate report --ctk-journal', () => {
  test('a journal whose hypothesis held passes, with a case per probe and action', async () => {
    const json = path.join(workDir(), 'report.json');
    const report = await runEntry('dist/cli.js', ['report', '--ctk-journal', holds, '--json', json]).done;
    assert.equal(report.code, 0, report.stdout + report.stderr);
    assert.match(report.stdout, /gate PASSED/);
    const suite = suiteOf(json, 'chaostoolkit/the checkout keeps its marker while a cache file is dropped');
    assert.deepEqual(
      suite?.cases.map((c) => [c.name, c.outcome]),
      [
        ['steady state before: marker-present', 'pass'],
        ['steady state after: marker-present', 'pass'],
        ['action: drop-cache', 'pass'],
      ],
    );
  });

  test('a deviated journal fails: the broken hypothesis and the failed action say why', async () => {
    const dir = workDir();
    const json = path.join(dir, 'report.json');
    const junit = path.join(dir, 'junit.xml');
    const report = await runEntry('dist/cli.js', [
      'report',
      '--ctk-journal',
      deviates,
      '--json',
      json,
      '--junit',
      junit,
    ]).done;
    assert.equal(report.code, 1, report.stdout + report.stderr);
    assert.match(report.stdout, /gate FAILED/);
    const suite = suiteOf(json, 'chaostoolkit/the checkout keeps its marker while its files are deleted');
    assert.deepEqual(
      suite?.cases.map((c) => [c.name, c.outcome]),
      [
        ['steady state before: marker-present', 'pass'],
        ['steady state after: marker-present', 'fail'],
        ['action: delete-marker', 'pass'],
        ['action: slow-restart', 'fail'],
        ['experiment', 'fail'],
      ],
    );
    const byName = new Map(suite?.cases.map((c) => [c.name, c]));
    assert.match(
      byName.get('steady state after: marker-present')?.message ?? '',
      /tolerance not met: .*"status":1/,
    );
    assert.match(
      byName.get('action: slow-restart')?.message ?? '',
      /process activity took too long to complete/,
    );
    assert.match(byName.get('experiment')?.message ?? '', /deviated from its steady state/);
    assert.match(readFileSync(junit, 'utf8'), /name="action: slow-restart"[^>]*>[\s\S]*?<failure/);
  });
});

describe('journals of experiments that went wrong otherwise', () => {
  const report = async (journal: string) => {
    const json = path.join(workDir(), 'report.json');
    const run = await runEntry('dist/cli.js', ['report', '--ctk-journal', journal, '--json', json]).done;
    return { run, json };
  };

  test('a rollback that failed fails the gate, though chaos run exits 0 and says completed', async () => {
    const ran = chaosRun('experiment-rollback-fails.json');
    assert.equal(ran.code, 0, ran.output);
    const { run, json } = await report(ran.journal);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const suite = suiteOf(json, "chaostoolkit/the checkout's database is restored after the chaos");
    assert.deepEqual(
      suite?.cases.map((c) => [c.name, c.outcome]),
      [
        ['steady state before: marker-present', 'pass'],
        ['steady state after: marker-present', 'pass'],
        ['action: drop-cache', 'pass'],
        ['rollback action: restore-backup', 'fail'],
      ],
    );
    assert.match(suite?.cases[3]?.message ?? '', /No such file or directory: 'no-such-backup'/);
  });

  test('a run interrupted during an action: that action and the experiment read stopped', async () => {
    const dir = workDir();
    writeFileSync(path.join(dir, 'marker'), 'up\n');
    const journal = path.join(dir, 'journal.json');
    const chaos = spawn(
      testTool('chaos'),
      [
        '--no-version-check',
        'run',
        '--journal-path',
        journal,
        fixturePath('ctk/experiment-interrupted.json'),
      ],
      // Its own process group, signalled as a whole as a terminal's Ctrl-C or a CI runner does.
      { cwd: dir, detached: true },
    );
    let output = '';
    chaos.stdout.on('data', (data: Buffer) => (output += data.toString()));
    chaos.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const exited = new Promise<number | null>((resolve) => chaos.on('close', resolve));
    // Ctrl-C while the action's `sleep` runs. Its log line comes before chaoslib starts recording
    // the action: a signal then leaves it out of the journal.
    await waitFor(
      () => chaos.exitCode !== null || childSleeping(chaos.pid as number),
      "the action's sleep under chaos run",
      30_000,
    );
    process.kill(-(chaos.pid as number), 'SIGINT');
    const code = await exited;
    // chaoslib does not wait for the action's process: one that started as the signal came lives on.
    try {
      process.kill(-(chaos.pid as number), 'SIGKILL');
    } catch {
      // The group is gone: nothing was left.
    }
    assert.equal(code, 1, output);
    assert.equal((JSON.parse(readFileSync(journal, 'utf8')) as Journal).status, 'interrupted');
    const { run, json } = await report(journal);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const suite = suiteOf(json, 'chaostoolkit/the checkout keeps its marker through a long action');
    assert.deepEqual(
      suite?.cases.map((c) => [c.name, c.outcome, c.message]),
      [
        ['steady state before: marker-present', 'pass', undefined],
        ['action: long-drain', 'stopped', 'cut short: the experiment was interrupted while it ran'],
        ['experiment', 'stopped', 'the experiment was interrupted before it finished'],
      ],
    );
  });
});

describe('ctkJournals in a chaos-gate run', () => {
  const env = useSandbox('ctk');

  test('a passing experiment beside a deviated journal fails the gate on the journal alone', async () => {
    const dir = workDir();
    const config = path.join(dir, 'chaos-gate.yaml');
    const json = path.join(dir, 'report.json');
    writeFileSync(
      config,
      stringify({ engines: [engineFile(dir, uniqueName('ctk'), 'pass', 'ctk')], ctkJournals: [deviates] }),
    );
    const run = await env.run(['--config', config, '--json', json]).done;
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { suites: { kind: string; cases: Case[] }[] };
    const chaos = report.suites.filter((s) => s.kind === 'chaosengine').flatMap((s) => s.cases);
    assert.ok(chaos.length > 0 && chaos.every((c) => c.outcome === 'pass'), 'the experiment itself passed');
    assert.match(
      run.stdout,
      /chaostoolkit\/the checkout keeps its marker while its files are deleted › experiment failed/,
    );
  });
});
