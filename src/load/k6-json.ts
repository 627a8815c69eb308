// k6's `--out json=FILE` stream: one JSON object a line. Each request writes a Point of
// http_req_duration (ms) and one of http_req_failed (1 = failed) with the same time and tags; they are
// paired by time and URL.
import { ConfigError } from '../errors.ts';
import type { Sample } from './samples.ts';

interface Point {
  type?: string;
  metric?: string;
  data?: { time?: string; value?: number; tags?: { url?: string; name?: string; status?: string } };
}

export function parseK6Json(text: string, source: string): Sample[] {
  const durations = new Map<string, { startMs: number; elapsedMs: number; failure: string }>();
  const failures = new Map<string, boolean>();
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    if (!line.trim()) continue;
    let point: Point;
    try {
      point = JSON.parse(line) as Point;
    } catch {
      throw new ConfigError(
        lineNumber === 1 && line.trim() === '{'
          ? `${source}: this is one JSON document (a k6 end-of-test summary?), not k6's \`--out json\` stream; give a summary as load.results.k6Summary (--k6)`
          : `${source}: line ${lineNumber}: not JSON; expected k6's \`--out json=FILE\` stream, one JSON object a line`,
      );
    }
    if (
      point.type !== 'Point' ||
      (point.metric !== 'http_req_duration' && point.metric !== 'http_req_failed')
    )
      continue;
    const time = point.data?.time;
    const value = point.data?.value;
    if (!time || typeof value !== 'number')
      throw new ConfigError(`${source}: line ${lineNumber}: a Point needs data.time and data.value`);
    const key = `${time} ${point.data?.tags?.url ?? point.data?.tags?.name ?? ''}`;
    // k6 stamps a request's points with when it ended; its start is that minus its duration.
    if (point.metric === 'http_req_duration') {
      const { name, url, status } = point.data?.tags ?? {};
      const failure = `${name ?? url ?? 'request'}: ${status === '0' ? 'no response' : `HTTP ${status ?? '?'}`}`;
      durations.set(key, { startMs: Date.parse(time) - value, elapsedMs: value, failure });
    } else failures.set(key, value === 1);
  }
  return [...durations].map(([key, { failure, ...timing }]) => {
    const success = !(failures.get(key) ?? false);
    return { ...timing, success, ...(success ? {} : { failure }) };
  });
}
