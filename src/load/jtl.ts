// JMeter results (JTL) as CSV with a header. Columns depend on jmeter.save.saveservice.* settings, so
// they are read by name: timeStamp (epoch ms), elapsed (ms), success (true/false).
import { ConfigError } from '../errors.ts';
import { csvRecords } from './csv.ts';
import type { Sample } from './samples.ts';

export function parseJtl(text: string, source: string): Sample[] {
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
      samples.push({ startMs, elapsedMs, success: success === 'true' });
    }
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return samples;
}
