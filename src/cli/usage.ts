// What `chaos-gate --help` prints, and how a request for it is seen. Kept apart from flag parsing, which
// validates settings with zod: `--help` loads neither zod nor a YAML parser.
import { settingFields } from '../config/fields.ts';

/** Flags that name inputs of `report` rather than settings. */
export const sourceFlags = {
  results: {
    help: 'file of ChaosResults (and ChaosEngines), e.g. kubectl get chaosresults -o yaml',
    multiple: true,
  },
  selector: { help: 'label selector for live ChaosEngines (with --namespace)', multiple: false },
  k6: { help: 'k6 summary JSON (--summary-export or handleSummary) to report', multiple: false },
  jtl: {
    help: 'JMeter JTL, CSV or XML, to report (thresholds from the config file load section)',
    multiple: false,
  },
};

const helpFlags = ['--help', '-h'];

export const commands = ['run', 'report', 'merge', 'validate'] as const;
export type Command = (typeof commands)[number];
export const isCommand = (word: string): word is Command => (commands as readonly string[]).includes(word);

/** `--version` as the command: the version alone, whatever follows. */
export const asksForVersion = (argv: string[]): boolean => argv[0] === '--version';

/** `help`, `--help` or `-h` as the command: the usage. */
export const isHelpCommand = (command: string): boolean => command === 'help' || helpFlags.includes(command);

/**
 * A request for the usage alone (`help`, `--help`, or a command and `--help`), answered without
 * parsing. With flags beside it, `--help` is answered by the parser after it has checked them, so a
 * pipeline can test its command line by adding `--help`.
 */
export function asksOnlyForHelp(argv: string[]): boolean {
  const [command = 'help', ...rest] = argv;
  return (
    isHelpCommand(command) || (isCommand(command) && rest.length === 1 && helpFlags.includes(rest[0] ?? ''))
  );
}

export function usage(): string {
  const options: [flag: string, help: string][] = [
    ['config FILE', 'chaos-gate.yaml (flags override its values)'],
    // A boolean's --no- form turns off what the config file (or the Jenkins step) turned on.
    ...settingFields.map((s): [string, string] => [
      s.kind === 'boolean' ? `[no-]${s.flag}` : `${s.flag} VALUE`,
      s.help,
    ]),
    ...Object.entries(sourceFlags).map(([flag, s]): [string, string] => [`${flag} VALUE`, s.help]),
  ];
  // One column for every help text, however long the longest flag.
  const width = Math.max(...options.map(([flag]) => flag.length));
  return `chaos-gate: gate a deployment on LitmusChaos verdicts, probe outcomes and load-test thresholds.

Usage:
  chaos-gate run      [--config FILE] [options]   apply RBAC and ChaosEngines, wait, report, gate
  chaos-gate report   (--results FILE | --namespace NS [--selector LABELS]) [options]
                                                  convert results that already exist; applies nothing
  chaos-gate validate [--config FILE] [options]   check offline all that run checks before connecting
  chaos-gate merge    REPORT.json... [options]    join the JSON reports of parallel jobs into one
                                                  report and one gate
  chaos-gate --version                            print the version

Options:
${options.map(([flag, help]) => `  --${flag.padEnd(width)}  ${help}`).join('\n')}

Exit codes: 0 everything checked passed; 1 something checked failed (or, in run, did not finish before
the timeout); 2 nothing could be judged (bad input, wrong format, no verdicts, no connection, missing
CRDs); 130/143 cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be
confirmed stopped never exits 0: the log says "chaos may still be running" and gives the command.`;
}
