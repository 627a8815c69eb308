// Each command takes only the flags it reads, the ones its --help lists: a flag it would ignore is
// refused (exit 2), so no one believes a setting took effect that did not. The config file is shared
// by run and report, so its fields are not refused per command.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.ts';
import { commands, usage } from '../../../src/cli/usage.ts';
import { settingFields } from '../../../src/config/fields.ts';
import { fixturePath } from '../../support/fixtures.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The flags an option list shows, without dashes, `[no-]` or value. */
const flagsOf = (text: string) =>
  text.split('\n').flatMap((line) => /^ {2}--(?:\[no-\])?([\w-]+)/.exec(line)?.[1] ?? []);

/** A value each flag accepts, where any text would not do. */
const values: Record<string, string> = {
  'parallel-targets': '2',
  namespace: 'shop',
  timeout: '5m',
  'stop-timeout': '1m',
  'allow-namespace': 'shop',
  cleanup: 'never',
  'run-id': 'r1',
  'min-probe-success': '90',
  'stopped-as': 'skip',
  'timeouts-as': 'skip',
  parameter: 'a=b',
  'workflow-namespace': 'shop',
  'workflow-shutdown': 'Terminate',
  expect: '2',
};
const booleans = new Set(settingFields.filter((s) => s.kind === 'boolean').map((s) => s.flag));
const argument = (flag: string) => (booleans.has(flag) ? `--${flag}` : `--${flag}=${values[flag] ?? 'x'}`);

test('each command takes, beside --help, exactly the flags its --help lists; validate every one of run', async () => {
  const every = flagsOf(usage());
  const listed = Object.fromEntries(commands.map((command) => [command, flagsOf(usage(command))]));
  // validate checks all that run would, the report paths among them.
  assert.deepEqual(listed.validate, listed.run);
  for (const command of commands) {
    for (const flag of every) {
      const { code, out, err } = await cli(command, argument(flag), '--help');
      if (listed[command]?.includes(flag)) {
        assert.equal(code, 0, `${command} ${argument(flag)} --help: ${err}`);
        assert.match(out, new RegExp(`^chaos-gate ${command}: `), `${command} --${flag}: its usage`);
      } else {
        assert.equal(code, 2, `${command} ${argument(flag)} --help is refused`);
        assert.equal(out, '', `${command} --${flag}: no usage`);
        assert.match(err, new RegExp(`: ${command} does not read --${flag}; `), `${command} --${flag}`);
      }
    }
  }
});

test('a flag the command does not read is refused, naming the commands that read it', async () => {
  const cases: [argv: string[], message: string][] = [
    [
      ['merge', 'a.json', '--engine', 'x.yaml'],
      'merge does not read --engine; run and validate do (see chaos-gate merge --help)',
    ],
    [
      ['report', '--results', 'results.yaml', '--timeout', '5m'],
      'report does not read --timeout; run and validate do (see chaos-gate report --help)',
    ],
    [
      ['run', '--results=results.yaml'],
      'run does not read --results; report does (see chaos-gate run --help)',
    ],
    [
      ['validate', '--k6', 'k6.json'],
      'validate does not read --k6; report does (see chaos-gate validate --help)',
    ],
    // Merge's alone: a count of reports means nothing to a run.
    [
      ['run', '--engine', 'x.yaml', '--expect', '3'],
      'run does not read --expect; merge does (see chaos-gate run --help)',
    ],
    // A boolean's --no- form, as typed.
    [
      ['merge', 'a.json', '--no-in-cluster'],
      'merge does not read --no-in-cluster; run, report, and validate do (see chaos-gate merge --help)',
    ],
  ];
  for (const [argv, message] of cases) {
    // Refused before any file is read: none of these exists.
    assert.deepEqual(await cli(...argv), {
      code: 2,
      out: '',
      err: `chaos-gate: error: command line: ${message}`,
    });
  }
});

test("a typo is matched only against the command's own flags: another's would be refused next", async () => {
  const typo = await cli('merge', 'a.json', '--jsno', 'out.json');
  assert.equal(typo.err, 'chaos-gate: error: command line: unknown flag --jsno; did you mean --json?');
  const elsewhere = await cli('report', '--results', 'results.yaml', '--enigne', 'x.yaml');
  assert.equal(elsewhere.code, 2);
  assert.equal(elsewhere.err, 'chaos-gate: error: command line: unknown flag --enigne');
});

test('merge refuses --engine on the command line, but not the engines of the config file run shares', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-flags-'));
  const json = path.join(dir, 'report.json');
  const results = fixturePath('litmus/results/chaosresult-3x-pass.yaml');
  assert.equal((await cli('report', '--results', results, '--json', json)).code, 0);
  const config = path.join(dir, 'chaos-gate.yaml');
  writeFileSync(config, stringify({ engines: ['engine.yaml'], timeout: '5m', cleanup: 'never' }));

  const merged = await cli('merge', json, '--config', config);
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.out, /gate PASSED/);
  const refused = await cli('merge', json, '--config', config, '--engine', 'engine.yaml');
  assert.equal(refused.code, 2);
  assert.match(refused.err, /merge does not read --engine;/);
});

test('a flag without its value, or a switch given one, is refused saying how to write it', async () => {
  const cases: [string[], string][] = [
    [['validate', '--namespace', 'shop', '--timeout'], '--timeout needs a value'],
    // An empty variable in `--engine $ENGINE --namespace shop`: the next flag is not taken as the value.
    [['validate', '--engine', '--namespace', 'shop'], '--engine needs a value, and --namespace follows it'],
    [
      ['report', '--results', '-x'],
      '--results needs a value; one that starts with - is written --results=-x',
    ],
    // A switch is turned off by its --no- form, not by a value.
    [
      ['report', '--fail-on-failure=false'],
      '--fail-on-failure takes no value; --no-fail-on-failure turns it off',
    ],
    [['run', '--no-in-cluster=true'], '--no-in-cluster takes no value'],
  ];
  for (const [argv, message] of cases) {
    const { code, err } = await cli(...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.equal(err, `chaos-gate: error: command line: ${message}`, argv.join(' '));
  }
});

test("an empty value of report's own inputs is refused, as of every other flag: an unset variable", async () => {
  // `--k6 "$K6_SUMMARY"` with the variable unset would otherwise gate without the load test.
  for (const flag of ['results', 'k6', 'jtl', 'selector']) {
    const { code, err } = await cli(
      'report',
      '--results',
      fixturePath('litmus/results/chaosresult-3x-pass.yaml'),
      `--${flag}`,
      '',
    );
    assert.equal(code, 2, flag);
    assert.equal(
      err,
      `chaos-gate: error: command line: --${flag}: empty; give it a value or leave the flag out`,
    );
  }
});

test('a second --k6, --jtl or --selector is refused, not dropped: the gate would judge half the load', async () => {
  for (const flag of ['k6', 'jtl', 'selector']) {
    const { code, err } = await cli(
      'report',
      '--results',
      fixturePath('litmus/results/chaosresult-3x-pass.yaml'),
      `--${flag}`,
      'a',
      `--${flag}=b`,
    );
    assert.equal(code, 2, flag);
    assert.equal(err, `chaos-gate: error: command line: --${flag}: given 2 times (a, b); report reads one`);
  }
});
