// JMeter results (JTL) as CSV with a header. Columns depend on jmeter.save.saveservice.* settings, so
// they are read by name: timeStamp (epoch ms), elapsed (ms), success (true/false).
import { ConfigError } from '../errors.ts';
import { badField, csvNumber, csvRecords } from './csv.ts';
import type { LineReader } from './line-reader.ts';
import { isDuration, isTime, type Sample } from './samples.ts';

export function jtlReader(source: string, onSample: (sample: Sample) => void): LineReader {
  const records = csvRecords(source, ['timeStamp', 'elapsed', 'success'], (record) => {
    const startMs = csvNumber(
      record,
      'timeStamp',
      isTime,
      'epoch milliseconds (jmeter.save.saveservice.timestamp_format=ms)',
    );
    const elapsedMs = csvNumber(record, 'elapsed', isDuration, 'milliseconds, 0 or more');
    const success = record.get('success').trim().toLowerCase();
    if (success !== 'true' && success !== 'false') throw badField(record, 'success', 'true or false');
    onSample(
      success === 'true'
        ? { startMs, elapsedMs, success: true }
        : { startMs, elapsedMs, success: false, failure: jtlFailure(record.get) },
    );
  });
  let first = true;
  return {
    line(text, number) {
      if (first && text.trimStart().startsWith('<')) {
        throw new ConfigError(
          `${source}: these JMeter results are XML; chaos-gate reads CSV results with a header: ` +
            'run JMeter with -Jjmeter.save.saveservice.output_format=csv -Jjmeter.save.saveservice.print_field_names=true',
        );
      }
      first = false;
      records.line(text, number);
    },
    end: records.end,
  };
}

/** "label: failureMessage", or the response code and message when JMeter recorded no assertion message. */
function jtlFailure(get: (column: string) => string): string {
  const why = get('failureMessage') || `${get('responseCode')} ${get('responseMessage')}`.trim() || 'failed';
  const label = get('label');
  return label ? `${label}: ${why}` : why;
}
