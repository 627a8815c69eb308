// hey's per-request CSV (`hey -o csv`): response-time (s), status-code and offset (s from hey's start).
// The offsets are placed on the clock from the moment hey started (see read.ts).
import { ConfigError } from '../errors.ts';
import { csvRecords } from './csv.ts';
import type { LineReader } from './line-reader.ts';
import type { Sample } from './samples.ts';

export function heyReader(
  source: string,
  startedAtMs: number,
  onSample: (sample: Sample) => void,
): LineReader {
  return csvRecords(source, ['response-time', 'status-code', 'offset'], (record) => {
    const seconds = Number(record.get('response-time'));
    const offset = Number(record.get('offset'));
    const status = Number(record.get('status-code'));
    if (![seconds, offset, status].every(Number.isFinite)) {
      throw new ConfigError(
        `${source}: line ${record.line}: expected numbers in response-time, status-code and offset`,
      );
    }
    const success = status > 0 && status < 400;
    onSample({
      startMs: startedAtMs + offset * 1000,
      elapsedMs: seconds * 1000,
      success,
      // hey writes status 0 when no response came back at all.
      ...(success ? {} : { failure: status === 0 ? 'no response' : `HTTP ${status}` }),
    });
  });
}
