// Command-line flags → one layer of the configuration model (flags come from config/fields.ts).
import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import {
  flagName,
  labelFor,
  layerFrom,
  settingFields,
  settingsOf,
  toMap,
  toNumber,
  type SettingField,
} from '../config/fields.ts';
import { parseSettings } from '../config/load.ts';
import type { PartialConfig } from '../config/schema.ts';
import { ConfigError, errorMessage } from '../errors.ts';
import { closestName } from '../suggest.ts';
import type { ReportSources } from '../run/report.ts';
import { commands, isCommand, isHelpCommand, sourceFlags, sourcesOf, usage, type Command } from './usage.ts';

export interface ParsedCommand {
  command: Command | 'help';
  configFile?: string;
  layer: PartialConfig;
  sources: ReportSources;
  /** Positional arguments: the reports `merge` joins. */
  files: string[];
  /** `--help` beside other flags, which are checked first. */
  help: boolean;
}

/**
 * An empty value is an unset variable (`--context "$CONTEXT"`), never a way to leave a setting out:
 * taken as unset, it would run without the config file, or on the current context.
 */
function refuseEmpty(flag: string, value: unknown): void {
  if ((Array.isArray(value) ? value : [value]).includes('')) {
    throw new ConfigError(`command line: --${flag}: empty; give it a value or leave the flag out`);
  }
}

/**
 * The one value of an input `report` reads once. A second `--k6` or `--jtl` would be dropped without a
 * word (the last of a setting wins; an input is not a setting), and the gate would judge half the load.
 */
function onlyOne(flag: keyof typeof sourceFlags, value: unknown): string | undefined {
  const values = value as string[] | undefined;
  if (values !== undefined && values.length > 1)
    throw new ConfigError(
      `command line: --${flag}: given ${values.length} times (${values.join(', ')}); report reads one`,
    );
  return values?.[0];
}

/** The parser's options for the flags `command` reads, or for every flag. */
function optionsOf(command?: Command): Record<string, ParseArgsOptionDescriptor> {
  const options: Record<string, ParseArgsOptionDescriptor> = {
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const spec of settingsOf(command)) {
    options[spec.flag] = {
      type: spec.kind === 'boolean' ? 'boolean' : 'string',
      multiple: spec.kind === 'list' || spec.kind === 'map',
    };
  }
  // Every one collected, so that a second of a single input is refused rather than dropped (onlyOne).
  for (const flag of Object.keys(sourcesOf(command))) options[flag] = { type: 'string', multiple: true };
  return options;
}

/** The long flags of `options` without dashes, a boolean's --no- form too. */
const longFlags = (options: Record<string, ParseArgsOptionDescriptor>): string[] =>
  Object.entries(options).flatMap(([name, { type }]) => (type === 'boolean' ? [name, `no-${name}`] : [name]));

/**
 * The flag `command` does not take, as typed (`-engine` too, which Node reads as -e -n …): either
 * another command's flag, and which commands read it, or an unknown one and the flag of `command` it
 * is closest to. Node's own text quotes it half-way and suggests nothing.
 */
function refusedFlag(args: string[], command: Command | undefined): string {
  const options = optionsOf(command);
  const flags = longFlags(options);
  const shorts = Object.values(options).flatMap(({ short }) => (short ? [`-${short}`] : []));
  const known = new Set([...flags.map((flag) => `--${flag}`), ...shorts]);
  // Parsed again without refusing, for which argument it was.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === 'option' && !known.has(t.rawName));
  const typed = args[token?.index ?? -1]?.split('=')[0] ?? '';
  const name = typed.replace(/^-+/, '');
  const readers = typed.startsWith('--')
    ? commands.filter((other) => longFlags(optionsOf(other)).includes(name))
    : [];
  // Taken and ignored, it would let the user believe it had an effect; "unknown" would send them
  // looking for a typo.
  if (command && readers.length > 0)
    return `${command} does not read ${typed}; ${new Intl.ListFormat('en').format(readers)} ${readers.length > 1 ? 'do' : 'does'} (see chaos-gate ${command} --help)`;
  // Only a flag the command reads is suggested: another's would be refused next.
  const near = closestName(name, flags);
  return `unknown flag ${typed}${near ? `; did you mean --${near}?` : ''}`;
}

/**
 * A flag without the value it needs, or with one it does not take, as a user would fix it; Node's own
 * text names an "argument" and, for `--fail-on-failure=false`, not the --no- form that is meant.
 */
function badValue(args: string[], command: Command | undefined): string | undefined {
  const options = optionsOf(command);
  const { tokens } = parseArgs({
    args,
    options,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const { rawName, value, inlineValue } = token;
    // `--no-x=…` is not read as a negation: its name keeps the `no-`.
    const type = (options[token.name] ?? options[token.name.replace(/^no-/, '')])?.type;
    if (type === 'boolean' && value !== undefined)
      return `${rawName} takes no value${rawName.startsWith('--no-') ? '' : `; ${rawName.replace(/^--/, '--no-')} turns it off`}`;
    if (type !== 'string') continue;
    if (value === undefined) return `${rawName} needs a value`;
    // Taken as the value, the next flag would be lost: Node refuses it, and so does this.
    if (!inlineValue && value.startsWith('--')) return `${rawName} needs a value, and ${value} follows it`;
    if (!inlineValue && value.startsWith('-'))
      return `${rawName} needs a value; one that starts with - is written ${rawName}=${value}`;
  }
  return undefined;
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [word, ...rest] = argv;
  // No command is an empty variable in a pipeline (`chaos-gate $COMMAND`), not a request for help: a
  // step that printed the usage and passed would hide that nothing was gated.
  if (word === undefined)
    throw new ConfigError(`no command given; expected run, report, merge or validate\n\n${usage()}`);
  // Refused before --help is answered, so adding --help to a command line checks the command too.
  if (!isCommand(word) && !isHelpCommand(word)) {
    const near = closestName(word, commands);
    throw new ConfigError(
      `unknown command "${word}"; ${near ? `did you mean ${near}? ` : ''}expected run, report, merge or validate (see --help)`,
    );
  }
  // A command takes only the flags it reads; `help` takes every flag, as its usage lists them all, and
  // `help run …` run's, checked as `run … --help` checks them.
  const [asked] = rest;
  const reader = isCommand(word) ? word : asked !== undefined && isCommand(asked) ? asked : undefined;
  const command = reader ?? 'help';
  if (command === 'help' && asked !== undefined && !asked.startsWith('-')) {
    const near = closestName(asked, commands);
    throw new ConfigError(
      `help: unknown command "${asked}"; ${near ? `did you mean ${near}? ` : ''}expected run, report, merge or validate`,
    );
  }
  const args = isCommand(word) || !reader ? rest : rest.slice(1);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: optionsOf(reader),
      strict: true,
      allowPositionals: true,
      allowNegative: true,
    });
  } catch (error) {
    const { code } = error as { code?: unknown };
    const why =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? refusedFlag(args, reader)
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? badValue(args, reader)
          : undefined;
    throw new ConfigError(`command line: ${why ?? errorMessage(error)}`);
  }
  const { values, positionals } = parsed;
  // report's inputs too: `--k6 "$SUMMARY"` with the variable unset would gate without the load test.
  for (const flag of ['config', ...Object.keys(sourceFlags)]) refuseEmpty(flag, values[flag]);
  const [selector, k6, jtl] = (['selector', 'k6', 'jtl'] as const).map((flag) => onlyOne(flag, values[flag]));
  if (command !== 'merge' && positionals.length > 0) {
    throw new ConfigError(`command line: unexpected argument "${positionals[0]}" (options start with --)`);
  }
  const given = new Map<SettingField, unknown>();
  for (const spec of settingFields) {
    const value = values[spec.flag];
    if (value === undefined) continue;
    const where = `command line: --${spec.flag}`;
    if (spec.kind === 'string' || spec.kind === 'list') refuseEmpty(spec.flag, value);
    if (spec.kind === 'number') given.set(spec, toNumber(value as string, where));
    else if (spec.kind === 'map') given.set(spec, toMap(value as string[], where));
    else given.set(spec, value);
  }
  return {
    command,
    configFile: values.config as string | undefined,
    layer: parseSettings(layerFrom(given), 'command line', labelFor(flagName)),
    sources: {
      results: (values.results as string[] | undefined) ?? [],
      namespace: values.namespace as string | undefined,
      selector,
      k6,
      jtl,
    },
    files: positionals,
    help: values.help === true || !isCommand(word),
  };
}
