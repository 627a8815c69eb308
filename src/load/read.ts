// Reads the load test's result files into what loadSuite() takes; the only file I/O of this folder.
// Per-request files (JTL, k6 `--out json`, hey CSV) are streamed line by line into the figures, so
// memory stays the same however large they are; a k6 summary is small and read whole.
import { statSync } from 'node:fs';
import { ConfigError, errorMessage } from '../errors.ts';
import { readInputFile, readInputLines, resultFileLimit } from '../files.ts';
import type { LineReader } from './line-reader.ts';
import { heyReader } from './hey.ts';
import { jtlReader } from './jtl.ts';
import { k6JsonReader } from './k6-json.ts';
import { parseK6Summary, type K6Summary } from './k6.ts';
import type { LoadExit } from './runner.ts';
import { RequestFigureBuilder, type RequestFigures, type Sample, type Window } from './samples.ts';
import type { LoadConfig } from './schema.ts';

function readText(file: string, what: string): string {
  const text = readInputFile(file, what, resultFileLimit);
  if (text.trim() === '') throw new ConfigError(`${file}: the ${what} is empty`);
  return text;
}

export function readK6Summary(file: string): K6Summary {
  const text = readText(file, 'k6 summary');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (looksLikeK6Stream(text)) {
      throw new ConfigError(
        `${file}: this is k6's \`--out json\` stream (one data point a line), not an end-of-test summary; ` +
          'write a summary with `k6 run --summary-export=FILE` or a handleSummary() function, ' +
          'and give the stream as load.results.k6Json for per-request figures',
      );
    }
    throw new ConfigError(`${file}: not JSON: ${errorMessage(error)}`);
  }
  return parseK6Summary(json, file);
}

/** The first line of k6's `--out json` output is a Metric or Point object. */
function looksLikeK6Stream(text: string): boolean {
  const [firstLine = ''] = text.split('\n', 1);
  try {
    const type = (JSON.parse(firstLine) as { type?: unknown }).type;
    return type === 'Metric' || type === 'Point';
  } catch {
    return false;
  }
}

/** When the load command ran, on this machine's clock; unknown for files read by `report`. */
export type CommandRun = Pick<LoadExit, 'startedAtMs' | 'endedAtMs'>;

/** The figures of every request in the configured per-request files; undefined when none is configured. */
export function readRequestFigures(
  results: LoadConfig['results'],
  ran: CommandRun | undefined,
  windows: Window[],
): RequestFigures | undefined {
  const figures = new RequestFigureBuilder(windows);
  return readRequests(results, ran, (sample) => figures.add(sample)) ? figures.figures() : undefined;
}

/** Streams each request of the configured per-request files to `onSample`; false when none is configured. */
export function readRequests(
  results: LoadConfig['results'],
  ran: CommandRun | undefined,
  onSample: (sample: Sample) => void,
): boolean {
  const { jtl, k6Json, heyCsv } = results;
  if (jtl) readLines(jtl, 'JMeter results file', jtlReader(jtl, onSample));
  if (k6Json) readLines(k6Json, 'k6 JSON output', k6JsonReader(k6Json, onSample));
  if (heyCsv) readLines(heyCsv, 'hey CSV', heyReader(heyCsv, heyStartMs(heyCsv, ran), onSample));
  return Boolean(jtl || k6Json || heyCsv);
}

/**
 * When hey started, which its offsets count from. Not when the command started: hey comes up some
 * time later, and on a busy CI agent late enough to halve the error rate measured in a chaos window
 * (requests after the window were counted in it). hey writes its file once its last request has
 * ended, so the file's time minus the last request's end is its start, a few ms late at most. Kept
 * within the command's run.
 */
function heyStartMs(file: string, ran: CommandRun | undefined): number {
  let lastEndMs = 0;
  readLines(
    file,
    'hey CSV',
    heyReader(file, 0, ({ startMs, elapsedMs }) => (lastEndMs = Math.max(lastEndMs, startMs + elapsedMs))),
  );
  const fromFile = statSync(file).mtimeMs - lastEndMs;
  if (!ran) return fromFile;
  return Math.max(ran.startedAtMs, Math.min(fromFile, ran.endedAtMs - lastEndMs));
}

/** Hands the file's lines to `reader` from the first one that is not blank; a blank file is refused. */
function readLines(file: string, what: string, reader: LineReader): void {
  let blank = true;
  readInputLines(file, what, (line, number) => {
    if (blank && line.trim() === '') return;
    blank = false;
    reader.line(line, number);
  });
  if (blank) throw new ConfigError(`${file}: the ${what} is empty`);
  reader.end();
}
