// Action inputs → the command, one layer of the configuration model (inputs come from
// config/fields.ts, the same table as the CLI's flags), the secret kubeconfig content, which never
// enters the model, and the reports `merge` joins.
import * as core from '@actions/core';
import { existsSync, globSync, statSync } from 'node:fs';
import {
  labelFor,
  layerFrom,
  nameSettingsAs,
  settingFields,
  settingsOf,
  toMap,
  toNumber,
  type SettingField,
} from '../config/fields.ts';
import { parseSettings } from '../config/load.ts';
import type { PartialConfig } from '../config/schema.ts';
import { ConfigError } from '../errors.ts';
import { registerKubeconfigCredentials } from '../kube/context.ts';
import { onSecret } from '../secrets.ts';

const inputName = (spec: SettingField): string | undefined =>
  spec.input === null ? undefined : (spec.input ?? spec.flag);

/** In a message that asks for a kubeconfig, both inputs that give one. */
const messageName = (spec: SettingField): string | undefined =>
  spec.field === 'kubeconfig' ? 'the kubeconfig input, or kubeconfig-path' : inputName(spec);

/** What the action does: `run` the gate, or `merge` the JSON reports of a matrix's jobs into one. */
const actionCommands = ['run', 'merge'] as const;
export type ActionCommand = (typeof actionCommands)[number];

/** The inputs `command` reads: its settings, as the CLI's `command` reads them, and its own. */
export function inputsOf(command: ActionCommand): string[] {
  const own = command === 'run' ? ['kubeconfig'] : ['reports'];
  const settings = settingsOf(command).flatMap((spec) => inputName(spec) ?? []);
  return ['command', 'config', ...own, ...settings];
}

export interface ActionInputs {
  command: ActionCommand;
  configFile?: string;
  layer: PartialConfig;
  kubeconfigContent?: string;
  /** The JSON reports `merge` joins, patterns expanded; none for `run`. */
  reports: string[];
}

export function readInputs(): ActionInputs {
  nameSettingsAs(messageName, 'the config input');
  const command = readCommand();
  // The runner masks the content as a whole, and each credential of any kubeconfig the run reads (the
  // content's at once): not every line, which would hide the server, namespaces and context names.
  onSecret((secret) => core.setSecret(secret));
  const kubeconfigInput = input('kubeconfig');
  // A path is refused before the masking: no secret, and masked it would hide the words of every later
  // line that has it (a file named `kubeconfig` turns the error into "the ***'s content").
  if (kubeconfigInput) refusePathAsKubeconfig(kubeconfigInput);
  if (kubeconfigInput) core.setSecret(kubeconfigInput);
  const kubeconfigContent = kubeconfigInput ? kubeconfigText(kubeconfigInput) : undefined;
  if (kubeconfigContent && kubeconfigContent !== kubeconfigInput) core.setSecret(kubeconfigContent);
  if (kubeconfigContent) registerKubeconfigCredentials(kubeconfigContent);
  refuseKubeconfigAsPath(input('kubeconfig-path'));
  // After the masking: a kubeconfig given to `merge` is refused by name, its content quoted nowhere.
  refuseUnread(command);
  // The content would be used for every path given, so a gate meant for several clusters runs on one.
  if (kubeconfigInput && input('kubeconfig-path'))
    throw new ConfigError(
      'action inputs: kubeconfig and kubeconfig-path exclude each other: give the content or the file(s), not both',
    );
  const given = new Map<SettingField, unknown>();
  for (const spec of settingFields) {
    const name = inputName(spec);
    if (!name) continue;
    const text = input(name);
    if (text === '') continue;
    given.set(spec, toValue(name, spec, text));
  }
  return {
    command,
    configFile: input('config') || undefined,
    layer: parseSettings(layerFrom(given), 'action inputs', labelFor(inputName)),
    kubeconfigContent,
    reports: readReports(command, input('reports')),
  };
}

/** The inputs that take one item a line: the list and map settings, and `reports`. */
const listInputs = new Set([
  'reports',
  ...settingFields.flatMap((spec) =>
    spec.kind === 'list' || spec.kind === 'map' ? (inputName(spec) ?? []) : [],
  ),
]);

/**
 * An input, '' when not given. A list input whose lines are all comments or blank is not given either:
 * a user who comments out every item means none, as an empty input does; taken as given, it would
 * override the config file's list with nothing, or be refused as an input the command does not read.
 */
function input(name: string): string {
  const text = core.getInput(name);
  return listInputs.has(name) && inputLines(text).length === 0 ? '' : text;
}

function readCommand(): ActionCommand {
  const command = input('command') || 'run';
  const known = actionCommands.find((name) => name === command);
  if (!known)
    throw new ConfigError(
      `action inputs: command: expected ${actionCommands.join(' or ')}, got "${command}"`,
    );
  return known;
}

/**
 * An input the command does not read, refused as the CLI refuses a flag: taken and ignored, it would
 * let the user believe it had an effect (engines in a merge step, say).
 */
function refuseUnread(command: ActionCommand): void {
  const reads = inputsOf(command);
  for (const other of actionCommands.filter((name) => name !== command)) {
    const unread = inputsOf(other).find((name) => !reads.includes(name) && input(name) !== '');
    if (unread)
      throw new ConfigError(`action inputs: ${unread}: command ${command} does not read it; ${other} does`);
  }
}

/** The reports `merge` joins, patterns expanded; none is refused: a gate over nothing is no gate. */
function readReports(command: ActionCommand, text: string): string[] {
  const reports = expandPatterns('reports', splitList('reports', text, existsSync));
  if (command === 'merge' && reports.length === 0)
    throw new ConfigError('action inputs: reports: command merge needs the JSON reports to join');
  return reports;
}

/**
 * Files as given, each pattern expanded as a shell would expand it for the CLI (the runner expands
 * none), in a stable order. One that matches nothing is refused: a file named that never arrived (a
 * matrix job's report, an engine) must not leave a gate over the others only. A plain path is kept as it
 * is, for its reader to say what is wrong with it; so is one that exists, whatever it holds: a file
 * named `engine[v2].yaml` is that file, not a pattern matching `enginev.yaml` or nothing.
 */
function expandPatterns(name: string, items: string[]): string[] {
  return items.flatMap((item) => {
    if (!isPattern(item) || existsSync(item)) return [item];
    const files = globSync(item).sort();
    if (files.length === 0) throw new ConfigError(`action inputs: ${name}: no file matches ${item}`);
    return files;
  });
}

const isPattern = (item: string): boolean => /[*?[{]/.test(item);

function toValue(name: string, spec: SettingField, text: string): unknown {
  switch (spec.kind) {
    case 'string':
      return text;
    case 'map':
      // One NAME=VALUE a line: values may hold commas (label selectors).
      return toMap(refuseYamlItems(name, inputLines(text)), `action inputs: ${name}`);
    case 'list':
      return spec.files ? expandPatterns(name, splitList(name, text, existsSync)) : splitList(name, text);
    case 'boolean':
      if (/^(true|True|TRUE)$/.test(text)) return true;
      if (/^(false|False|FALSE)$/.test(text)) return false;
      throw new ConfigError(`action inputs: ${name}: expected true or false, got "${text}"`);
    case 'number':
      return toNumber(text, `action inputs: ${name}`);
  }
}

/**
 * The lines of a multi-line input, but blank ones and comments: a line whose first non-blank character
 * is `#` is one, as @actions/glob and a reader of the workflow take it.
 */
function inputLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * A list input: one item a line or comma-separated. In a file list, a line that names an existing
 * file is that file, commas and all (`reports/eu,us.json`).
 */
function splitList(name: string, text: string, isFile: (line: string) => boolean = () => false): string[] {
  return refuseYamlItems(
    name,
    inputLines(text).flatMap((line) =>
      isFile(line)
        ? [line]
        : line
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
    ),
  );
}

/**
 * Items written as a YAML list (`- chaos/engine.yaml` on each line of a `|` block): the runner hands
 * the block over as text, so the dash would be part of the item, a file or a name that is not there.
 * Refused saying so, unless it names a file that exists.
 */
function refuseYamlItems(name: string, items: string[]): string[] {
  const dashed = items.find((item) => /^-(\s|$)/.test(item) && !existsSync(item));
  if (dashed !== undefined)
    throw new ConfigError(
      `action inputs: ${name}: "${dashed}" is written as a YAML list item, but the input is text: give one item a line, without "- "`,
    );
  return items;
}

/**
 * The kubeconfig as YAML. Also taken as base64 of it, the way the predecessor Litmus action's
 * KUBE_CONFIG_DATA and many secrets hold it (`base64 -w0 ~/.kube/config`).
 */
export function kubeconfigText(input: string): string {
  const compact = input.replace(/\s+/g, '');
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0;
  if (!base64) return input;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  if (!hasKubeconfigKeys(decoded)) {
    throw new ConfigError('action inputs: kubeconfig: looks like base64 but does not decode to a kubeconfig');
  }
  return decoded;
}

/** A kubeconfig's own keys, as YAML writes them or as JSON does (`kubectl config view -o json`, Pulumi's). */
const hasKubeconfigKeys = (text: string): boolean =>
  /(?:^|[{,])\s*"?(apiVersion|kind|clusters|contexts|users|current-context|preferences)"?\s*:/m.test(text);

/**
 * A kubeconfig secret given as kubeconfig-path would be read line by line as paths, and each line, a
 * token's among them, quoted in a "cannot read" error: refuse it first, quoting nothing, and mask it.
 */
function refuseKubeconfigAsPath(paths: string): void {
  const decoded = Buffer.from(paths.replace(/\s+/g, ''), 'base64').toString('utf8');
  const content = [paths, decoded].find(hasKubeconfigKeys);
  if (!content) return;
  core.setSecret(paths);
  registerKubeconfigCredentials(content);
  throw new ConfigError(
    "action inputs: kubeconfig-path: takes file paths, and this is a kubeconfig's content: give it as the kubeconfig input, which masks it",
  );
}

/** The kubeconfig input, which takes content, given a file's path. */
export function refusePathAsKubeconfig(input: string): void {
  if (looksLikePath(input.trim()))
    throw new ConfigError(
      "action inputs: kubeconfig: takes the kubeconfig's content, not a path: give a file as kubeconfig-path",
    );
}

/**
 * One line that is a file, a Windows path (`C:\\…`, `D:/…`), or has no `key: value` and a character
 * base64 has not (`.`, `~`, `-`, `_`) or a leading `/`, which base64 of a kubeconfig never has (its
 * first byte is text): a path, not content.
 */
function looksLikePath(text: string): boolean {
  if (text.includes('\n')) return false;
  if (/^[A-Za-z]:[\\/]/.test(text) || isFile(text)) return true;
  return !text.includes(':') && (/[^A-Za-z0-9+/=]/.test(text) || text.startsWith('/'));
}

/** An existing file. Text that cannot be a path is none: base64 of a kubeconfig fails with ENAMETOOLONG. */
function isFile(text: string): boolean {
  try {
    return statSync(text, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
