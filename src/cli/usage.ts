// What `chaos-gate --help` prints, and how a request for it is seen. Kept apart from flag parsing, which
// validates settings with zod: `--help` loads neither zod nor a YAML parser.
import { settingsOf } from '../config/fields.ts';

/** Flags that name inputs of `report` rather than settings. */
export const sourceFlags = {
  results: {
    help: 'file of ChaosResults (and ChaosEngines), e.g. kubectl get chaosresults -o yaml (repeatable)',
  },
  selector: { help: 'label selector for live ChaosEngines (with --namespace)' },
  k6: { help: 'k6 summary JSON (--summary-export or handleSummary) to report' },
  jtl: { help: 'JMeter JTL, CSV or XML, to report (thresholds from the config file load section)' },
};

const helpFlags = ['--help', '-h'];

export const commands = ['run', 'report', 'merge', 'validate'] as const;
export type Command = (typeof commands)[number];
export const isCommand = (word: string): word is Command => (commands as readonly string[]).includes(word);

/** How each command is called, what it does, and an example for its own `--help`; in usage order. */
const commandHelp: Record<Command, { call: string; does: string; example: string }> = {
  run: {
    call: '[--config FILE] [options]',
    does: 'apply RBAC and ChaosEngines, wait, report, gate',
    example: 'chaos-gate run --config chaos-gate.yaml --namespace shop --junit junit.xml',
  },
  report: {
    call: '(--results FILE | --namespace NS [--selector LABELS]) [options]',
    does: 'convert results that already exist; applies nothing',
    example: 'chaos-gate report --results results.yaml --junit junit.xml --json report.json',
  },
  validate: {
    call: '[--config FILE] [options]',
    does: 'check offline all that run checks before connecting',
    example: 'chaos-gate validate --config chaos-gate.yaml --namespace shop',
  },
  merge: {
    call: 'REPORT.json... [options]',
    does: 'join the JSON reports of parallel jobs into one report and one gate',
    example: 'chaos-gate merge reports/*/report.json --expect 2 --junit junit.xml --summary summary.md',
  },
};

/** `--version` as the command: the version alone, whatever follows. */
export const asksForVersion = (argv: string[]): boolean => argv[0] === '--version';

/** `help`, `--help` or `-h` as the command: the usage. */
export const isHelpCommand = (command: string): boolean => command === 'help' || helpFlags.includes(command);

/**
 * The usage asked for alone, answered without parsing: `help`, `--help` or `-h` as the command (the
 * whole usage, or one command's for `help run`), or a command and `--help` (that command's). With
 * flags beside it, `--help` (or `help`) is answered by the parser after it has checked them, so a
 * pipeline can test its command line by adding `--help`. No command at all is not a request for help
 * (args.ts).
 */
export function helpAlone(argv: string[]): string | undefined {
  const [word = '', ...rest] = argv;
  const [next = ''] = rest;
  // `help reprot` is a typo for the parser to name, not a request for the whole usage; `help run
  // --bogus` has flags for it to check first.
  if (isHelpCommand(word) && (next === '' || (isCommand(next) && rest.length === 1)))
    return usage(isCommand(next) ? next : undefined);
  if (isCommand(word) && rest.length === 1 && helpFlags.includes(next)) return usage(word);
  return undefined;
}

/** The inputs `command` reads besides its settings: only `report`'s, or all of them. */
export const sourcesOf = (command?: Command): Partial<typeof sourceFlags> =>
  command === undefined || command === 'report' ? sourceFlags : {};

/** The options `command` reads, or every option; each with its help text. */
function optionRows(command: Command | undefined): [flag: string, help: string][] {
  return [
    ['config FILE', 'chaos-gate.yaml (flags override its values)'],
    // A boolean's --no- form turns off what the config file (or the Jenkins step) turned on.
    ...settingsOf(command).map((s): [string, string] => [
      s.kind === 'boolean' ? `[no-]${s.flag}` : `${s.flag} VALUE`,
      (command && s.helpOf?.[command === 'validate' ? 'run' : command]) ?? s.help,
    ]),
    ...Object.entries(sourcesOf(command)).map(([flag, s]): [string, string] => [`${flag} VALUE`, s.help]),
  ];
}

/** The whole usage, or one command's: what it does, an example and the options it reads. */
export function usage(command?: Command): string {
  const rows = optionRows(command);
  // One column for every help text, however long the longest flag.
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const head = command ? commandUsage(command) : allCommands();
  return `${head}

Options:
${rows.map(([flag, help]) => `  --${flag.padEnd(width)}  ${help}`).join('\n')}

${command ? exitCodesOf[command] : exitCodesOf.all}`;
}

/** The exit codes each command can end with: a timeout, a cancel and chaos left running are run's alone. */
const exitCodesOf: Record<Command | 'all', string> = {
  all: `Exit codes: 0 everything checked passed; 1 something checked failed (or, in run, did not finish before
the timeout); 2 nothing could be judged (bad input, wrong format, no verdicts, no connection, missing
CRDs); 130/143 run cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be
confirmed stopped never exits 0: the log says "chaos may still be running" and gives the command.`,
  run: `Exit codes: 0 everything checked passed; 1 something checked failed or did not finish before the
timeout; 2 nothing could be judged (bad input, no verdicts, no connection, missing CRDs); 130/143
cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be confirmed stopped
never exits 0: the log says "chaos may still be running" and gives the command.`,
  report: `Exit codes: 0 everything checked passed; 1 something checked failed; 2 nothing could be judged
(bad input, wrong format, no verdicts, no connection, missing CRDs).`,
  merge: `Exit codes: 0 everything checked passed; 1 something checked failed; 2 nothing could be judged
(a report unreadable or missing, no verdicts).`,
  validate: `Exit codes: 0 the configuration is valid; 2 it is not, or a file it names cannot be read (the
message says which).`,
};

function allCommands(): string {
  // Calls in one column, what they do in the next; a call too long for it has its text below it.
  const width = 46;
  const line = (call: string, does: string) =>
    call.length > width ? `  ${call}\n  ${' '.repeat(width)}  ${does}` : `  ${call.padEnd(width)}  ${does}`;
  const lines = Object.entries(commandHelp).map(([name, { call, does }]) =>
    line(`chaos-gate ${name.padEnd(8)} ${call}`, does),
  );
  return `chaos-gate: gate a deployment on LitmusChaos verdicts, probe outcomes and load-test thresholds.

Usage:
${lines.join('\n')}
${line('chaos-gate --version', 'print the version')}
${line('chaos-gate COMMAND --help', "a command's own options, with an example")}`;
}

function commandUsage(command: Command): string {
  const { call, does, example } = commandHelp[command];
  return `chaos-gate ${command}: ${does}.

Usage:
  chaos-gate ${command} ${call}

Example:
  ${example}`;
}
