// What a step leaves in the runner's files, read the way the runner reads them.
import { readFileSync } from 'node:fs';

/** Parses GITHUB_OUTPUT's (or GITHUB_STATE's) `name<<DELIMITER\nvalue\nDELIMITER` records: a name's last value. */
export function readRecords(file: string): Record<string, string> {
  return Object.fromEntries(records(file));
}

/** Every value `name` was given, in the order they were written. */
export function recordHistory(file: string, name: string): string[] {
  return records(file).flatMap(([key, value]) => (key === name ? [value] : []));
}

function records(file: string): [string, string][] {
  const found: [string, string][] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const end = lines.indexOf(delimiter ?? '', i + 1);
    found.push([name ?? '', lines.slice(i + 1, end).join('\n')]);
    i = end;
  }
  return found;
}

/**
 * The workflow commands the runner obeys in a step's stdout: lines that start with `::` once leading
 * white space is trimmed, split at \n, \r or \r\n, none while `::stop-commands::TOKEN` holds until `::TOKEN::`.
 */
export function commandsObeyed(stdout: string): string[] {
  const obeyed: string[] = [];
  let resume: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/).map((l) => l.trimStart())) {
    if (resume !== undefined) {
      if (line === resume) resume = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) resume = `::${stop[1]}::`;
    else if (line.startsWith('::')) obeyed.push(line);
  }
  return obeyed;
}
