// k6's `--out json=FILE` stream: one JSON object a line. Each request writes a Point of
// http_req_duration (ms) and one of http_req_failed (1 = failed) with the same time and tags; they are
// paired by time and URL. k6 writes a request's points together, so only points whose other half has
// not come yet are kept, at most `maxWaiting` of them: memory does not grow with the file.
import { ConfigError } from '../errors.ts';
import type { LineReader } from './line-reader.ts';
import { isDuration, type Sample } from './samples.ts';

interface Tags {
  url?: string;
  name?: string;
  status?: string;
}

interface Point {
  type?: string;
  metric?: string;
  data?: { time?: string; value?: number; tags?: Tags };
}

/** Half a request: its duration, its failed flag, or both once paired. */
interface Waiting {
  duration?: { startMs: number; elapsedMs: number; tags: Tags };
  failed?: boolean;
}

/** Far more than k6 leaves between a request's two points, even with thousands of VUs. */
const maxWaiting = 10_000;

export function k6JsonReader(source: string, onSample: (sample: Sample) => void): LineReader {
  const waiting = new Map<string, Waiting>();
  let samples = 0;
  /** A duration becomes a sample, failed only if its failed point said so. */
  const settle = (key: string, { duration, failed }: Waiting) => {
    waiting.delete(key);
    if (!duration) return;
    samples++;
    const { startMs, elapsedMs, tags } = duration;
    if (!failed) return onSample({ startMs, elapsedMs, success: true });
    const why = tags.status === '0' ? 'no response' : `HTTP ${tags.status ?? '?'}`;
    onSample({
      startMs,
      elapsedMs,
      success: false,
      failure: `${tags.name ?? tags.url ?? 'request'}: ${why}`,
    });
  };
  return {
    line(text, number) {
      const trimmed = text.trim();
      if (!trimmed) return;
      const notJson = () =>
        new ConfigError(
          number === 1 && trimmed === '{'
            ? `${source}: this is one JSON document (a k6 end-of-test summary?), not k6's \`--out json\` stream; give a summary as load.results.k6Summary (--k6)`
            : `${source}: line ${number}: not JSON; expected k6's \`--out json=FILE\` stream, one JSON object a line`,
        );
      // Parsing is most of the cost of this stream, and 11 of the 13 lines k6 writes per request are
      // other metrics: those are only checked to be one object on one line.
      if (!text.includes('http_req_duration') && !text.includes('http_req_failed')) {
        if (trimmed.startsWith('{') && trimmed.endsWith('}')) return;
        throw notJson();
      }
      let point: Point;
      try {
        point = JSON.parse(text) as Point;
      } catch {
        throw notJson();
      }
      if (
        point.type !== 'Point' ||
        (point.metric !== 'http_req_duration' && point.metric !== 'http_req_failed')
      )
        return;
      const time = point.data?.time;
      const value = point.data?.value;
      const endMs = Date.parse(time ?? '');
      if (!Number.isFinite(endMs) || typeof value !== 'number' || !Number.isFinite(value))
        throw new ConfigError(`${source}: line ${number}: a Point needs data.time and data.value`);
      const half = point.metric === 'http_req_duration' ? 'duration' : 'failed';
      // Read as they come, a negative duration would count as 0 ms and a flag of 2 as passed.
      if (half === 'duration' ? !isDuration(value) : value !== 0 && value !== 1) {
        const expected = half === 'duration' ? 'milliseconds, 0 or more' : '0 or 1';
        throw new ConfigError(
          `${source}: line ${number}: ${point.metric} data.value ${value}: expected ${expected}`,
        );
      }
      const tags = point.data?.tags ?? {};
      const key = `${time} ${tags.url ?? tags.name ?? ''}`;
      let request = waiting.get(key);
      // The same half again: another request with the same time and URL.
      if (request?.[half] !== undefined) {
        settle(key, request);
        request = undefined;
      }
      if (!request) {
        request = {};
        waiting.set(key, request);
        const oldest = waiting.size > maxWaiting && waiting.entries().next().value;
        if (oldest) settle(...oldest);
      }
      if (half === 'failed') request.failed = value === 1;
      // k6 stamps a request's points with when it ended; its start is that minus its duration.
      else request.duration = { startMs: endMs - value, elapsedMs: value, tags };
      if (request.duration && request.failed !== undefined) settle(key, request);
    },
    end() {
      for (const [key, request] of waiting) settle(key, request);
      // Nothing measured is nothing to judge, not a run without errors.
      if (samples === 0) {
        throw new ConfigError(
          `${source}: no samples: no http_req_duration point (did the test make no HTTP request?)`,
        );
      }
    },
  };
}
