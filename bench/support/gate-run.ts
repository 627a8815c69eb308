// One `chaos-gate run` on one or several benchmark clusters: engines spread over namespaces new to
// this run, the stand-in playing pass after `runMs`, optionally the 5 s poll loop beside it, and
// afterwards what each cluster's audit log holds of the run.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditMark, auditSince, type AuditEvent } from './audit.ts';
import type { BenchCluster } from './bench-cluster.ts';
import { runCli, type CliRun } from './cli-process.ts';
import { writeManifests } from './manifests.ts';
import { startPollLoop } from './poll-loop.ts';
import { startStandIn } from './stand-in.ts';

export interface GateRunOptions {
  /** Engines per cluster. */
  engines: number;
  /** Spread them evenly over this many namespaces (default 1). */
  namespaces?: number;
  runMs: number;
  /** The stand-in's reaction time (default 300 ms, as in the tests). */
  stepMs?: number;
  /** `never` leaves the engines for the poll loop to find. */
  cleanup: 'always' | 'never';
  /** Run the anchor beside the CLI: a loop that lists the engines (of the first cluster) every 5 s. */
  poll?: boolean;
  /** Clusters run at once (--parallel-targets), with several. */
  parallelTargets?: number;
  rssEveryMs?: number;
  /** The CLI to run (default: this repository's dist/cli.js), e.g. another commit's build. */
  cli?: string;
}

export interface GateRun {
  cli: CliRun;
  /** When the poll loop first saw every engine completed. */
  pollSawAt?: number;
  /** Per cluster, every request of the run (the CLI's, the stand-in's, the poll loop's). */
  audits: AuditEvent[][];
}

const pollIntervalMs = 5000;
let runs = 0;

export async function gateRun(clusters: BenchCluster[], options: GateRunOptions): Promise<GateRun> {
  // Namespaces new to every run: no run sees another's objects, and none needs cleaning up after.
  const run = ++runs;
  const namespaces = Array.from({ length: options.namespaces ?? 1 }, (_, i) => `run-${run}-${i + 1}`);
  for (const { sandbox } of clusters)
    for (const namespace of namespaces) await sandbox.createNamespace(namespace);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-bench-run-'));
  const manifests = writeManifests(dir, namespaces, Math.ceil(options.engines / namespaces.length));
  const standIn = await startStandIn({
    targets: clusters.flatMap(({ sandbox }) =>
      namespaces.map((namespace) => ({ kubeconfig: sandbox.kubeconfigPath, namespace })),
    ),
    stepMs: options.stepMs ?? 300,
    runMs: options.runMs,
  });
  const audited = clusters.map(({ sandbox }) => {
    const file = sandbox.auditLogPath ?? '';
    return { file, mark: auditMark(file) };
  });
  const first = clusters[0];
  const poll =
    options.poll && first
      ? startPollLoop(first.sandbox.kc, namespaces, options.engines, pollIntervalMs)
      : undefined;
  try {
    const cli = await runCli(
      [
        'run',
        ...clusters.flatMap((cluster) => ['--kubeconfig', cluster.kubeconfig]),
        ...(options.parallelTargets ? ['--parallel-targets', String(options.parallelTargets)] : []),
        '--namespace',
        namespaces[0] ?? '',
        ...namespaces.flatMap((namespace) => ['--allow-namespace', namespace]),
        '--rbac',
        manifests.rbac,
        '--engine',
        manifests.engines,
        '--junit',
        path.join(dir, 'junit.xml'),
        '--json',
        path.join(dir, 'report.json'),
        '--cleanup',
        options.cleanup,
        '--timeout',
        `${Math.ceil(options.runMs / 1000) + 60}s`,
      ],
      { cli: options.cli, rssEveryMs: options.rssEveryMs },
    );
    if (cli.code !== 0) {
      const tail = cli.lines.slice(-20).map((line) => line.text);
      throw new Error(`chaos-gate run exited ${cli.code}:\n${tail.join('\n')}\n${cli.stderr}`);
    }
    // After a cleanup there is nothing left for the poll loop to see completed.
    const pollSawAt =
      poll && options.cleanup === 'never'
        ? await Promise.race([poll.sawAll, sleep(2 * pollIntervalMs, undefined)])
        : undefined;
    // A watch's end is logged once the server has seen the connection close.
    await sleep(500);
    return { cli, pollSawAt, audits: audited.map(({ file, mark }) => auditSince(file, mark)) };
  } finally {
    poll?.stop();
    await standIn.stop();
  }
}
