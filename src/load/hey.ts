// hey's per-request CSV (`hey -o csv`): response-time (s), status-code and offset (s from hey's start).
// The offsets are placed on the clock from the moment hey started (see read.ts).
import { csvNumber, csvRecords } from './csv.ts';
import type { LineReader } from './line-reader.ts';
import { isDuration, type Sample } from './samples.ts';

// hey leaves a request that got no response (refused, reset, timed out) out of its CSV altogether.
const heyNoRows =
  'hey writes a row only for a request that got a response, so every request may have failed ' +
  '(connection refused, reset or timed out): hey without -o csv lists them under "Error distribution"';

export function heyReader(
  source: string,
  startedAtMs: number,
  onSample: (sample: Sample) => void,
): LineReader {
  return csvRecords(
    source,
    ['response-time', 'status-code', 'offset'],
    (record) => {
      const seconds = csvNumber(record, 'response-time', isDuration, 'seconds, 0 or more');
      const status = csvNumber(
        record,
        'status-code',
        (code) => Number.isInteger(code) && code >= 0,
        'an HTTP status, or 0 for no response',
      );
      const offset = csvNumber(record, 'offset', isDuration, 'seconds since hey started, 0 or more');
      const success = status > 0 && status < 400;
      onSample({
        startMs: startedAtMs + offset * 1000,
        elapsedMs: seconds * 1000,
        success,
        // hey writes status 0 when no response came back at all.
        ...(success ? {} : { failure: status === 0 ? 'no response' : `HTTP ${status}` }),
      });
    },
    { noRows: heyNoRows },
  );
}
