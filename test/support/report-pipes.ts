// Reports a run writes into named pipes, which it writes directly: the run waits in each until the test
// reads it, so a signal sent meanwhile comes while the run writes its reports. The summary is on a full
// disk, so that write then fails.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReportPipes {
  junit: string;
  json: string;
  summary: string;
}

export function reportPipes(dir: string): ReportPipes {
  const pipes = {
    junit: path.join(dir, 'junit.xml'),
    json: path.join(dir, 'report.json'),
    summary: path.join(dir, 'summary.md'),
  };
  for (const fifo of [pipes.junit, pipes.json]) execFileSync('mkfifo', [fifo]);
  symlinkSync('/dev/full', pipes.summary);
  return pipes;
}

/** Sends SIGTERM once the run has opened its JUnit report, then lets it write both reports. */
export async function signalWhileWriting(
  run: { kill(signal: NodeJS.Signals): unknown },
  { junit, json }: ReportPipes,
): Promise<void> {
  const junitRead = await open(junit, 'r'); // once the run opened it to write
  run.kill('SIGTERM');
  await junitRead.readFile();
  await junitRead.close();
  await readFile(json); // the run goes on to it only now, past the signal
}
