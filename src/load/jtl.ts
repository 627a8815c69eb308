// JMeter results (JTL) as CSV with a header. Columns depend on jmeter.save.saveservice.* settings, so
// they are read by name: timeStamp (epoch ms), elapsed (ms), success (true/false).
import { ConfigError } from '../errors.ts';
import { csvRecords } from './csv.ts';
import type { Sample } from './samples.ts';

export function parseJtl(text: string, source: string): Sample[] {
  if (text.trimStart().startsWith('<')) {
    throw new ConfigError(
      `${source}: these JMeter results are XML; chaos-gate reads CSV results with a header: ` +
        'run JMeter with -Jjmeter.save.saveservice.output_format=csv -Jjmeter.save.saveservice.print_field_names=true',
    );
  }
  const samples: Sample[] = [];
  try {
    for (const record of csvRecords(text, source, ['timeStamp', 'elapsed', 'success'])) {
      const startMs = Number(record.get('timeStamp'));
      const elapsedMs = Number(record.get('elapsed'));
      const success = record.get('success').trim().toLowerCase();
      if (!Number.isFinite(startMs) || !Number.isFinite(elapsedMs) || !['true', 'false'].includes(success)) {
        throw new Error(
          `${source}: line ${record.line}: expected numeric timeStamp and elapsed and success true or false`,
        );
      }
      const ok = success === 'true';
      samples.push({ startMs, elapsedMs, success: ok, ...(ok ? {} : { failure: jtlFailure(record.get) }) });
    }
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return samples;
}

/** "label: failureMessage", or the response code and message when JMeter recorded no assertion message. */
function jtlFailure(get: (column: string) => string): string {
  const why = get('failureMessage') || `${get('responseCode')} ${get('responseMessage')}`.trim() || 'failed';
  const label = get('label');
  return label ? `${label}: ${why}` : why;
}
