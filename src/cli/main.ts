// The `chaos-gate` commands: what Jenkins and any CI other than GitHub Actions call. It only wires:
// flags in, a use case, its outcome out as an exit code. (`--help` alone is answered before this loads.)
import { loadConfig } from '../config/load.ts';
import { CancelledError, CannotRunError, errorMessage } from '../errors.ts';
import { withCancellation } from '../run/cancellation.ts';
import { exitCodeOf, exitCodeOfError, exitCodes } from '../run/outcome.ts';
import { expectedChaosMs, progressLog } from '../run/progress.ts';
import { warningsUnderError } from '../run/stop-report.ts';
import { redact } from '../secrets.ts';
import { parseCommandLine } from './args.ts';
import { usage } from './usage.ts';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

export async function main(argv: string[], given: Io = processIo): Promise<number> {
  // Every line goes out through the secrets filter.
  const io: Io = { out: (l) => given.out(redact(l)), err: (l) => given.err(redact(l)) };
  const say = (line: string) => io.err(`chaos-gate: ${line}`);
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help || parsed.command === 'help') {
      io.out(usage(parsed.command === 'help' ? undefined : parsed.command));
      return exitCodes.pass;
    }
    const config = loadConfig(parsed.configFile, parsed.layer);
    switch (parsed.command) {
      // Each command loads only its own code: `run` alone needs the Kubernetes client.
      case 'run': {
        const { runTargets } = await import('../run/targets.ts');
        const progress = progressLog(io.out, expectedChaosMs(config));
        const outcome = await withCancellation(say, ({ cancel, hurry }) =>
          runTargets(config, {
            log: progress.log,
            onPhase: progress.onPhase,
            clusterLog: progress.clusterLog,
            signal: cancel,
            hurry,
          }),
        );
        return exitCodeOf(outcome);
      }
      case 'report': {
        const [{ reportGate }, { cancellableReports }] = await Promise.all([
          import('../run/report.ts'),
          import('../run/publish.ts'),
        ]);
        const sources = parsed.sources;
        return exitCodeOf(
          await cancellableReports(say, (signal) => reportGate(config, sources, io.out, signal)),
        );
      }
      case 'merge': {
        const [{ mergeGate }, { cancellableReports }] = await Promise.all([
          import('../run/merge.ts'),
          import('../run/publish.ts'),
        ]);
        const files = parsed.files;
        return exitCodeOf(await cancellableReports(say, () => mergeGate(config, files, io.out)));
      }
      case 'validate': {
        const { validateRun } = await import('../run/inputs.ts');
        const { objects, unchecked } = await validateRun(config);
        const clusters = config.targets.map((target) => target.name).join(', ');
        io.out(
          `chaos-gate: configuration is valid (${objects.length} object(s): ${objects.join('; ')})${clusters ? ` for clusters ${clusters}` : ''}`,
        );
        // Said, not refused: the machine that runs the gate may well have what this one lacks.
        for (const why of unchecked)
          io.out(`chaos-gate: the kube context is not checked on this machine: ${why}`);
        return exitCodes.pass;
      }
    }
  } catch (error) {
    if (error instanceof CancelledError)
      io.err(`chaos-gate: ${error.message}${error.left ? '' : ' before any chaos started'}`);
    else io.err(`chaos-gate: error: ${errorMessage(error)}`);
    // Under the error, as beside a verdict: chaos it could not confirm stopped, what the run warned of.
    for (const warning of warningsUnderError(error)) io.err(`chaos-gate: WARNING: ${warning}`);
    if (!(error instanceof CannotRunError) && process.env.CHAOS_GATE_DEBUG && error instanceof Error)
      io.err(error.stack ?? '');
    return exitCodeOfError(error);
  }
}
