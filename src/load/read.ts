// Reads the load test's result files into what loadSuite() takes; the only file I/O of this folder.
import { ConfigError, errorMessage } from '../errors.ts';
import { readInputFile, resultFileLimit } from '../files.ts';
import { parseHeyCsv } from './hey.ts';
import { parseJtl } from './jtl.ts';
import { parseK6Json } from './k6-json.ts';
import { parseK6Summary, type K6Summary } from './k6.ts';
import type { Sample } from './samples.ts';
import type { LoadConfig } from './schema.ts';

export function readText(file: string, what: string): string {
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

/** Per-request samples from whichever result files are configured. */
export function readSamples(results: LoadConfig['results'], startedAtMs: number): Sample[] | undefined {
  const parts: Sample[][] = [];
  if (results.jtl) parts.push(parseJtl(readText(results.jtl, 'JMeter results'), results.jtl));
  if (results.k6Json) parts.push(parseK6Json(readText(results.k6Json, 'k6 JSON output'), results.k6Json));
  if (results.heyCsv)
    parts.push(parseHeyCsv(readText(results.heyCsv, 'hey CSV'), results.heyCsv, startedAtMs));
  return parts.length > 0 ? parts.flat() : undefined;
}
