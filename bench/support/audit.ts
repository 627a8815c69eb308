// Reads the sandbox API server's audit log (startSandbox({ auditLog: true })): the requests made since
// a mark, one per auditID (a watch is logged when its response starts and again when it ends).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface AuditEvent {
  auditID: string;
  stage: string;
  verb: string;
  requestURI: string;
  user: { username: string };
  objectRef?: { resource?: string; subresource?: string; namespace?: string; name?: string };
  responseStatus?: { code?: number };
  /** When the server answered (ResponseComplete) or began to (ResponseStarted, for a watch). */
  stageTimestamp: string;
}

/** Where the log ends now: read from here for what comes after. */
export const auditMark = (file: string): number => statSync(file).size;

/** The requests logged after `mark`, each once, as last logged. */
export function auditSince(file: string, mark: number): AuditEvent[] {
  const size = auditMark(file);
  const buffer = Buffer.alloc(size - mark);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, mark);
  } finally {
    closeSync(fd);
  }
  const byId = new Map<string, AuditEvent>();
  const lines = buffer.toString('utf8').split('\n');
  lines.pop(); // '' after the last newline, or a line still being written
  for (const line of lines) {
    const event = JSON.parse(line) as AuditEvent;
    byId.set(event.auditID, event);
  }
  return [...byId.values()];
}

export const isDryRun = (event: AuditEvent): boolean => /[?&]dryRun=All/.test(event.requestURI);

/** What a request did, for a table: "list chaosengines", "patch (dry run) roles", "get /apis". */
export function requestKind(event: AuditEvent): string {
  const dryRun = isDryRun(event) ? ' (dry run)' : '';
  const { resource, subresource } = event.objectRef ?? {};
  const what = resource
    ? `${resource}${subresource ? `/${subresource}` : ''}`
    : (event.requestURI.split('?')[0] ?? '');
  return `${event.verb}${dryRun} ${what}`;
}

/** Requests counted by kind. */
export function countByKind(events: AuditEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(requestKind(event), (counts.get(requestKind(event)) ?? 0) + 1);
  return counts;
}
