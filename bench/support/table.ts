// How the benchmarks print: what was run and where, then plain aligned tables.
import os from 'node:os';
import { median } from './measure.ts';

/** The command that reproduces the output, the date and the machine, which other work may share. */
export function printPreamble(title: string): void {
  const script = process.argv[1] ? process.argv[1].replace(`${process.cwd()}/`, '') : '';
  console.log(title);
  console.log(`command: node ${[script, ...process.argv.slice(2)].join(' ')}`);
  console.log(
    `${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores, ` +
      `load average ${os.loadavg()[0]?.toFixed(2)} at start, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
  );
}

export function printTable(title: string, columns: string[], rows: string[][]): void {
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  rows.forEach((row) => console.log(line(row)));
}

/** Values as "median [min–max]", or the one value of a single run; times are given in ms. */
export function spread(values: number[], unit: 'ms' | 's' | 'MB' = 'ms'): string {
  const show = (value: number) => (unit === 's' ? (value / 1000).toFixed(2) : String(Math.round(value)));
  if (values.length === 0) return '-';
  if (values.length === 1) return `${show(values[0] ?? 0)} ${unit}`;
  return `${show(median(values))} ${unit} [${show(Math.min(...values))}–${show(Math.max(...values))}]`;
}
