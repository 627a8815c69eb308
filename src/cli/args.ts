// Command-line flags → one layer of the configuration model (flags come from config/fields.ts).
import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import { labelFor, layerFrom, settingFields, toMap, type SettingField } from '../config/fields.ts';
import { parseSettings } from '../config/load.ts';
import type { PartialConfig } from '../config/schema.ts';
import { ConfigError, errorMessage } from '../errors.ts';
import type { ReportSources } from '../run/report.ts';

const sourceFlags = {
  results: {
    help: 'file of ChaosResults (and ChaosEngines), e.g. kubectl get chaosresults -o yaml',
    multiple: true,
  },
  selector: { help: 'label selector for live ChaosEngines (with --namespace)', multiple: false },
  k6: { help: 'k6 summary JSON (--summary-export or handleSummary) to report', multiple: false },
  jtl: { help: 'JMeter JTL CSV to report (thresholds from the config file load section)', multiple: false },
};

export interface ParsedCommand {
  command: string;
  configFile?: string;
  layer: PartialConfig;
  sources: ReportSources;
  /** Positional arguments: the reports `merge` joins. */
  files: string[];
  help: boolean;
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [command = 'help', ...rest] = argv;
  const options: Record<string, ParseArgsOptionDescriptor> = {
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const spec of settingFields) {
    options[spec.flag] = {
      type: spec.kind === 'boolean' ? 'boolean' : 'string',
      multiple: spec.kind === 'list' || spec.kind === 'map',
    };
  }
  for (const [flag, { multiple }] of Object.entries(sourceFlags))
    options[flag] = { type: 'string', multiple };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true, allowNegative: true });
  } catch (error) {
    throw new ConfigError(`command line: ${errorMessage(error)}`);
  }
  const { values, positionals } = parsed;
  if (command !== 'merge' && positionals.length > 0) {
    throw new ConfigError(`command line: unexpected argument "${positionals[0]}" (options start with --)`);
  }
  const given = new Map<SettingField, unknown>();
  for (const spec of settingFields) {
    const value = values[spec.flag];
    if (value === undefined) continue;
    if (spec.kind === 'number') given.set(spec, toNumber(spec.flag, value));
    else if (spec.kind === 'map') given.set(spec, toMap(value as string[], `command line: --${spec.flag}`));
    else given.set(spec, value);
  }
  return {
    command,
    configFile: values.config as string | undefined,
    layer: parseSettings(
      layerFrom(given),
      'command line',
      labelFor((spec) => `--${spec.flag}`),
    ),
    sources: {
      results: (values.results as string[] | undefined) ?? [],
      selector: values.selector as string | undefined,
      k6: values.k6 as string | undefined,
      jtl: values.jtl as string | undefined,
    },
    files: positionals,
    help: values.help === true,
  };
}

function toNumber(flag: string, value: unknown): number {
  const number = Number(value);
  if (value === '' || !Number.isFinite(number)) {
    throw new ConfigError(`command line: --${flag}: expected a number, got "${String(value)}"`);
  }
  return number;
}

export function usage(): string {
  const line = (flag: string, help: string) => `  --${flag.padEnd(22)} ${help}`;
  return `chaos-gate: gate a deployment on LitmusChaos verdicts, probe outcomes and load-test thresholds.

Usage:
  chaos-gate run      [--config FILE] [options]   apply RBAC and ChaosEngines, wait, report, gate
  chaos-gate report   (--results FILE | --namespace NS [--selector LABELS]) [options]
                                                  convert results that already exist; applies nothing
  chaos-gate validate [--config FILE] [options]   check the configuration and manifests offline
  chaos-gate merge    REPORT.json... [options]    join the JSON reports of parallel jobs into one
                                                  report and one gate

Options:
${line('config FILE', 'chaos-gate.yaml (flags override its values)')}
${settingFields.map((s) => line(s.kind === 'boolean' ? s.flag : `${s.flag} VALUE`, s.help)).join('\n')}
${Object.entries(sourceFlags)
  .map(([flag, s]) => line(`${flag} VALUE`, s.help))
  .join('\n')}

Exit codes: 0 everything checked passed; 1 something checked failed (or, in run, did not finish before
the timeout); 2 nothing could be judged (bad input, wrong format, no verdicts, no connection, missing
CRDs); 130/143 cancelled by SIGINT/SIGTERM (the chaos is stopped first). Chaos that could not be
confirmed stopped never exits 0: the log says "chaos may still be running" and gives the command.`;
}
