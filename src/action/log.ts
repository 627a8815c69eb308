// The step log. Lines carry text from the cluster (a cmdProbe's output in a probe's description, an
// API server's message), and the runner obeys any line that starts with `::` (add-mask, set-output,
// error, stop-commands): such text is printed with workflow commands stopped, as GitHub advises.
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { redact } from '../secrets.ts';

/** The runner reads a line at \n, \r or \r\n, and a command after leading white space. */
const holdsCommand = /(?:^|[\r\n])\s*::/;

export function logLine(line: string): void {
  const text = redact(line);
  if (!holdsCommand.test(text)) {
    core.info(text);
    return;
  }
  // Unguessable, so the text cannot resume the commands itself.
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(text);
  core.info(`::${token}::`);
}
