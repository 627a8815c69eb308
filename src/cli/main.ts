// The `chaos-gate` command: what Jenkins and any CI other than GitHub Actions call.
import { readConfigFile, resolveConfig, type GateConfig } from '../config/load.ts';
import { CancelledError, CannotRunError, ConfigError, errorMessage } from '../errors.ts';
import { loadKubeContext } from '../kube/context.ts';
import { readRunInputs } from '../gate/inputs.ts';
import { evaluateGate } from '../gate/policy.ts';
import { describeDecision, publishReports } from '../gate/publish.ts';
import { runGate } from '../gate/run.ts';
import { chaosReportFromCluster, chaosReportFromFiles, workflowReportFromFile } from '../gate/sources.ts';
import { mergeReports, type Report } from '../report/model.ts';
import { readCtkJournal } from '../ctk/read.ts';
import { parseJtl } from '../load/jtl.ts';
import { readK6Summary, readText } from '../load/read.ts';
import { loadSuite } from '../load/suite.ts';
import { parseCommandLine, usage, type ReportSources } from './args.ts';

export const exitCodes = { pass: 0, fail: 1, cannotRun: 2, SIGINT: 130, SIGTERM: 143 } as const;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help || parsed.command === 'help' || parsed.command === '--help') {
      io.out(usage());
      return exitCodes.pass;
    }
    const layers = parsed.configFile ? [readConfigFile(parsed.configFile), parsed.layer] : [parsed.layer];
    const config = resolveConfig(...layers);
    switch (parsed.command) {
      case 'run':
        return await run(config, io);
      case 'report':
        return await report(config, parsed.sources, io);
      case 'validate':
        return validate(config, io);
      default:
        throw new ConfigError(
          `unknown command "${parsed.command}"; expected run, report or validate (see --help)`,
        );
    }
  } catch (error) {
    if (error instanceof CancelledError) {
      // Cancelled before anything was applied: nothing to stop.
      io.err(`chaos-gate: ${error.message} before any chaos started`);
      return exitCodes[error.signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'];
    }
    io.err(`chaos-gate: error: ${errorMessage(error)}`);
    if (!(error instanceof CannotRunError) && process.env.CHAOS_GATE_DEBUG && error instanceof Error)
      io.err(error.stack ?? '');
    return exitCodes.cannotRun;
  }
}

async function run(config: GateConfig, io: Io): Promise<number> {
  const controller = new AbortController();
  // Kept for the whole run: a second signal (CI runners send SIGINT, then SIGTERM) must not kill the
  // process halfway through stopping the chaos.
  const onSignal = (signal: NodeJS.Signals) => {
    io.err(
      controller.signal.aborted
        ? `chaos-gate: received ${signal}: still stopping the chaos`
        : `chaos-gate: received ${signal}: stopping the chaos and cleaning up`,
    );
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const outcome = await runGate(config, { log: io.out, signal: controller.signal });
    return finish(config, outcome.report, io, { runId: outcome.runId }, outcome.cancelled);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function report(config: GateConfig, sources: ReportSources, io: Io): Promise<number> {
  const parts: Report[] = [];
  if (sources.k6 || sources.jtl) {
    const suite = loadSuite({
      k6: sources.k6 ? readK6Summary(sources.k6) : undefined,
      samples: sources.jtl ? parseJtl(readText(sources.jtl, 'JMeter results'), sources.jtl) : undefined,
      windows: [],
      thresholds: config.load?.thresholds ?? {},
      impact: {},
    });
    parts.push({ suites: [suite] });
  }
  if (config.ctkJournals.length > 0) parts.push({ suites: config.ctkJournals.map(readCtkJournal) });
  if (config.workflow?.file) parts.push(workflowReportFromFile(config.workflow.file));
  if (sources.results.length > 0) parts.push(chaosReportFromFiles(sources.results));
  else if (config.namespace && parts.length === 0) {
    const kube = loadKubeContext(config);
    try {
      parts.push(await chaosReportFromCluster(kube.kc, config.namespace, sources.selector));
    } finally {
      kube.dispose();
    }
  }
  if (parts.length === 0) {
    throw new ConfigError('report needs --results, --workflow, --k6, --jtl, --ctk-journal or --namespace');
  }
  return finish(config, mergeReports(...parts), io, {});
}

function validate(config: GateConfig, io: Io): number {
  const { manifests, workflow } = readRunInputs(config);
  const objects = [
    ...manifests.map((m) => m.source),
    ...(workflow ? [`Workflow ${workflow.metadata.name ?? workflow.metadata.generateName}`] : []),
  ];
  io.out(`chaos-gate: configuration is valid (${objects.length} object(s): ${objects.join('; ')})`);
  return exitCodes.pass;
}

function finish(
  config: GateConfig,
  report: Report,
  io: Io,
  meta: Record<string, string>,
  cancelled?: NodeJS.Signals,
): number {
  const decision = evaluateGate(report, config.gate);
  const written = publishReports(config.reports, report, decision, config.gate, meta);
  for (const [kind, file] of Object.entries(written))
    if (kind !== 'markdown' && file) io.out(`chaos-gate: wrote ${kind} report ${file}`);
  describeDecision(decision).forEach((line) => io.out(`chaos-gate: ${line}`));
  if (cancelled) return exitCodes[cancelled === 'SIGINT' ? 'SIGINT' : 'SIGTERM'];
  return decision.verdict === 'pass' ? exitCodes.pass : exitCodes.fail;
}
