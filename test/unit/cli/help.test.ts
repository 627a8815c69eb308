// `--help`: alone it is answered at once; beside other flags it comes after their check, which is how
// a pipeline (the Jenkins step's own tests among them) checks a command line without running it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../../src/cli/main.ts';
import { settingFields } from '../../../src/config/fields.ts';
import { commands, helpAlone, usage } from '../../../src/cli/usage.ts';
import { runEntry } from '../../support/run-node.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The chaos-gate command as a user runs it: the entry point in a process of its own. */
const chaosGate = (...argv: string[]) => runEntry('src/cli/index.ts', argv).done;

/** The flags an option list shows, without dashes, `[no-]` or value. */
const flagsOf = (text: string) =>
  text.split('\n').flatMap((line) => /^ {2}--(?:\[no-\])?([\w-]+)/.exec(line)?.[1] ?? []);

test('report --help says what report does with a flag given twice: several result files, one cluster', () => {
  const line = (flag: string) =>
    usage('report')
      .split('\n')
      .find((l) => l.startsWith(`  --${flag} `)) ?? '';
  assert.match(line('results'), /\(repeatable\)$/);
  // report reads one cluster's namespace and refuses several (README, Several clusters).
  assert.match(line('context'), /; one only$/);
  assert.match(line('kubeconfig'), /; one only$/);
});

test("each command's --help describes a flag as that command uses it, and only its own exit codes", () => {
  const line = (command: (typeof commands)[number], flag: string) =>
    usage(command)
      .split('\n')
      .find((l) => l.startsWith(`  --${flag} `)) ?? '';
  // report labels nothing on a cluster and generates no id: it records the id given, for merge.
  assert.match(
    line('report', 'run-id'),
    /record in the JSON and HTML reports; merge names their suites after it/,
  );
  assert.doesNotMatch(line('report', 'run-id'), /on the cluster|generated/);
  assert.match(line('report', 'label'), /default: --run-id, else the JSON report's path/);
  assert.match(line('report', 'namespace'), /to read live ChaosEngines and ChaosResults from$/);
  assert.match(line('report', 'workflow'), /with its status.*to convert$/);
  assert.doesNotMatch(line('report', 'workflow'), /submit/);
  for (const command of commands) {
    const other = commands.filter((c) => c !== command && !(command === 'validate' && c === 'run'));
    for (const text of usage(command).split('\n'))
      for (const name of other)
        assert.doesNotMatch(text, new RegExp(`\\(${name}: |in ${name}\\b`), `${command} --help: ${text}`);
  }
  // Only run has a timeout, a cancel that stops chaos, and chaos that may outlive it.
  for (const command of ['report', 'merge', 'validate'] as const)
    assert.doesNotMatch(usage(command), /timeout;|130\/143|chaos may still be running/, command);
  assert.match(usage('run'), /130\/143\scancelled by SIGINT\/SIGTERM \(the chaos is stopped first\)/);
  assert.match(usage('validate'), /^Exit codes: 0 the configuration is valid; 2 it is not/m);
});

test('a help request with nothing else is answered before the flag parser loads', () => {
  for (const argv of [['help'], ['--help'], ['-h'], ['run', '--help'], ['report', '-h'], ['help', 'run']])
    assert.notEqual(helpAlone(argv), undefined, argv.join(' '));
  for (const argv of [
    [],
    ['run'],
    ['run', '--namespace', 'shop', '--help'],
    ['run', '--bogus', '--help'],
    ['help', 'reprot'],
    ['help', 'run', '--bogus'],
    ['--help', '--bogus'],
  ])
    assert.equal(helpAlone(argv), undefined, argv.join(' '));
});

test("a command's --help is that command's: what it does, an example, and the flags it reads", async () => {
  const help = async (...argv: string[]) => {
    const { code, stdout, stderr } = await chaosGate(...argv);
    assert.equal(code, 0, `${argv.join(' ')}: ${stderr}`);
    return stdout;
  };
  const [merge, helpMerge, report, run, validate, all] = await Promise.all([
    help('merge', '--help'),
    help('help', 'merge'),
    help('report', '-h'),
    help('run', '--help'),
    help('validate', '--help'),
    help('--help'),
  ]);
  assert.match(
    merge,
    /^chaos-gate merge: join the JSON reports of parallel jobs into one report and one gate\.\n/,
  );
  assert.match(merge, /^Example:\n {2}chaos-gate merge \S+\.json /m);
  assert.deepEqual(flagsOf(merge), [
    'config',
    ...['junit', 'json', 'junit-case-properties', 'html', 'summary'],
    ...['min-probe-success', 'allow-failure', 'stopped-as', 'timeouts-as', 'fail-on-failure'],
    'expect',
  ]);
  assert.equal(helpMerge, merge);

  assert.match(report, /^Example:\n {2}chaos-gate report --results /m);
  for (const flag of ['results', 'selector', 'k6', 'jtl', 'namespace', 'kubeconfig', 'workflow', 'junit'])
    assert.ok(flagsOf(report).includes(flag), `report --help lists --${flag}`);
  for (const flag of ['engine', 'rbac', 'timeout', 'cleanup'])
    assert.ok(!flagsOf(report).includes(flag), `report --help leaves out --${flag}`);

  // run reads every setting but merge's count of reports, and validate checks all that run reads;
  // neither reads report's inputs.
  assert.match(run, /^Example:\n {2}chaos-gate run --config /m);
  const mergeOnly = ['expect'];
  assert.deepEqual(flagsOf(run), [
    'config',
    ...settingFields.map((s) => s.flag).filter((flag) => !mergeOnly.includes(flag)),
  ]);
  assert.deepEqual(flagsOf(validate), flagsOf(run));

  // The whole usage lists every flag, and says how to see one command's.
  assert.deepEqual(new Set(flagsOf(all)), new Set([...flagsOf(run), ...flagsOf(report), ...mergeOnly]));
  assert.match(all, /^ {2}chaos-gate COMMAND --help +a command's own options, with an example$/m);
});

test('no command at all is refused with the usage on stderr and exit 2; help and --help exit 0', async () => {
  const [bare, ...asked] = await Promise.all([chaosGate(), chaosGate('help'), chaosGate('--help')]);
  // An empty variable in a pipeline (`chaos-gate $COMMAND`): the step must fail, not pass on the usage.
  assert.equal(bare.code, 2);
  assert.equal(bare.stdout, '');
  assert.match(
    bare.stderr,
    /^chaos-gate: error: no command given; expected run, report, merge or validate\n\nchaos-gate: gate a deployment /,
  );
  assert.match(bare.stderr, /^Usage:$/m);
  for (const help of asked) {
    assert.equal(help.code, 0, help.stderr);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /^Usage:$/m);
  }
});

test('--help beside other flags prints the usage only once every flag and value is accepted', async () => {
  const fine = await cli('run', '--namespace', 'shop', '--timeout', '15m', '--help');
  assert.equal(fine.code, 0);
  assert.match(fine.out, /^chaos-gate run: /);
  assert.match(fine.out, /^Usage:$/m);

  // The files named are not read: validate checks those.
  const files = await cli('report', '--results', 'missing.yaml', '--json', 'out/report.json', '-h');
  assert.equal(files.code, 0, files.err);
  assert.match(files.out, /^chaos-gate report: /);

  const unknown = await cli('run', '--namespace', 'shop', '--bogus', '--help');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--bogus/);
  assert.doesNotMatch(unknown.out, /Usage:/);

  const badValue = await cli('run', '--timeout', 'soon', '-h');
  assert.equal(badValue.code, 2);
  assert.match(
    badValue.err,
    /--timeout: expected a duration such as 500ms, 90s, 15m or 1h30m, got text \("soon"\)/,
  );
});

test('help as the command checks the flags beside it too, as --help after a command does', async () => {
  for (const [argv, refused] of [
    [['--help', '--bogus'], /command line: unknown flag --bogus/],
    [['help', '--timeout', '15'], /--timeout: 15 has no unit/],
    [['help', 'run', '--k6', 'k6.json'], /run does not read --k6; report does/],
    [['help', 'run', 'extra'], /unexpected argument "extra"/],
  ] as const) {
    const checked = await cli(...argv);
    assert.equal(checked.code, 2, argv.join(' '));
    assert.match(checked.err, refused, argv.join(' '));
    assert.doesNotMatch(checked.out, /Usage:/);
  }
  const fine = await cli('help', 'run', '--timeout', '15m');
  assert.equal(fine.code, 0, fine.err);
  assert.match(fine.out, /^chaos-gate run: /);
});

test('--help after an unknown command refuses the command instead of printing the usage', async () => {
  assert.equal(helpAlone(['reprot', '--help']), undefined);
  for (const argv of [
    ['reprot', '--help'],
    ['reprot', '--results', 'x.yaml', '--help'],
    ['help', 'reprot'],
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

test('every option of a usage has its help text in one column, the longest flag included', () => {
  for (const command of [undefined, ...commands]) {
    const options = usage(command)
      .split('\n')
      .filter((line) => line.startsWith('  --'));
    const columns = new Set(options.map((line) => /^ {2}--\S+(?: \S+)? +/.exec(line)?.[0].length));
    assert.deepEqual([...columns], [options[0]?.indexOf('chaos-gate.yaml')], command);
  }
  assert.ok(usage().includes('\n  --cluster-workflow-template VALUE  '));
});

test('the usage lists the --no- form of every boolean flag, and both formats of JTL', () => {
  const lines = usage().split('\n');
  const flagLine = (flag: string) => lines.find((line) => line.startsWith(`  --${flag} `)) ?? '';
  for (const { flag, kind } of settingFields)
    if (kind === 'boolean') assert.notEqual(flagLine(`[no-]${flag}`), '', `--[no-]${flag}`);
  assert.match(flagLine('jtl VALUE'), /JMeter JTL, CSV or XML,/);
});
