// Load-test results for the load tests: files written where a test can read them back, and the
// figures chaos-gate computes from samples.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRequests, type CommandRun } from '../../src/load/read.ts';
import {
  RequestFigureBuilder,
  type RequestFigures,
  type Sample,
  type Window,
} from '../../src/load/samples.ts';

let dir: string | undefined;

/** A file named `name` holding `content`, in a directory of this test process. */
export function resultFile(name: string, content: string | Buffer): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-load-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Every request chaos-gate reads from one result file, in the order read. */
export function samplesIn(kind: 'jtl' | 'k6Json' | 'heyCsv', file: string, ran?: CommandRun): Sample[] {
  const samples: Sample[] = [];
  readRequests({ [kind]: file }, ran, (sample) => samples.push(sample));
  return samples;
}

export function figuresOf(samples: Iterable<Sample>, windows: Window[]): RequestFigures {
  const builder = new RequestFigureBuilder(windows);
  for (const sample of samples) builder.add(sample);
  return builder.figures();
}
