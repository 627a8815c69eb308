// `--help`: alone it is answered at once; beside other flags it comes after their check, which is how
// a pipeline (the Jenkins step's own tests among them) checks a command line without running it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../../src/cli/main.ts';
import { settingFields } from '../../../src/config/fields.ts';
import { asksOnlyForHelp, usage } from '../../../src/cli/usage.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('a help request with nothing else is answered before the flag parser loads', () => {
  for (const argv of [[], ['help'], ['--help'], ['-h'], ['run', '--help'], ['report', '-h'], ['help', 'run']])
    assert.equal(asksOnlyForHelp(argv), true, argv.join(' '));
  for (const argv of [['run'], ['run', '--namespace', 'shop', '--help'], ['run', '--bogus', '--help']])
    assert.equal(asksOnlyForHelp(argv), false, argv.join(' '));
});

test('--help beside other flags prints the usage only once every flag and value is accepted', async () => {
  const fine = await cli('run', '--namespace', 'shop', '--timeout', '15m', '--help');
  assert.equal(fine.code, 0);
  assert.match(fine.out, /^Usage:$/m);

  const unknown = await cli('run', '--namespace', 'shop', '--bogus', '--help');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--bogus/);
  assert.doesNotMatch(unknown.out, /Usage:/);

  const badValue = await cli('run', '--timeout', 'soon', '-h');
  assert.equal(badValue.code, 2);
  assert.match(badValue.err, /--timeout: "soon" is not a duration/);
});

test('--help after an unknown command refuses the command instead of printing the usage', async () => {
  assert.equal(asksOnlyForHelp(['reprot', '--help']), false);
  for (const argv of [
    ['reprot', '--help'],
    ['reprot', '--results', 'x.yaml', '--help'],
  ]) {
    const typo = await cli(...argv);
    assert.equal(typo.code, 2, argv.join(' '));
    assert.match(
      typo.err,
      /unknown command "reprot"; did you mean report\? expected run, report, merge or validate/,
    );
    assert.doesNotMatch(typo.out, /Usage:/);
  }
});

test('every option of the usage has its help text in one column, the longest flag included', () => {
  const options = usage()
    .split('\n')
    .filter((line) => line.startsWith('  --'));
  assert.ok(options.some((line) => line.startsWith('  --cluster-workflow-template VALUE ')));
  const columns = new Set(options.map((line) => /^ {2}--\S+(?: \S+)? +/.exec(line)?.[0].length));
  assert.deepEqual([...columns], [options[0]?.indexOf('chaos-gate.yaml')]);
});

test('the usage lists the --no- form of every boolean flag, and both formats of JTL', () => {
  const lines = usage().split('\n');
  const flagLine = (flag: string) => lines.find((line) => line.startsWith(`  --${flag} `)) ?? '';
  for (const { flag, kind } of settingFields)
    if (kind === 'boolean') assert.notEqual(flagLine(`[no-]${flag}`), '', `--[no-]${flag}`);
  assert.match(flagLine('jtl VALUE'), /JMeter JTL, CSV or XML,/);
});
