// What a step leaves in the runner's files, read the way the runner reads them.
import { readFileSync } from 'node:fs';

/** Parses GITHUB_OUTPUT's (or GITHUB_STATE's) `name<<DELIMITER\nvalue\nDELIMITER` records. */
export function readRecords(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const end = lines.indexOf(delimiter ?? '', i + 1);
    values[name ?? ''] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return values;
}
