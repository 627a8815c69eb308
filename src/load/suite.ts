// Everything known about the load test — how the command ended, the k6 summary, per-request samples —
// as one `load` testsuite: a case per threshold and check, and the impact of chaos on latency and
// errors (inside the chaos windows against outside them).
import type { ReportCase, ReportSuite } from '../report/model.ts';
import type { K6Summary } from './k6.ts';
import type { LoadExit } from './runner.ts';
import type { LatencyStats, RequestFigures, Window } from './samples.ts';
import type { LoadConfig } from './schema.ts';
import { extent } from '../extent.ts';

export interface LoadResults {
  /** How the command ended; absent when only result files were converted. */
  exit?: LoadExit;
  command?: string;
  k6?: K6Summary;
  /** The figures of the per-request result files, when any were read. */
  requests?: RequestFigures;
  /** When chaos ran; needed for the impact figures. */
  windows: Window[];
  thresholds: LoadConfig['thresholds'];
  impact: LoadConfig['impact'];
  /** The hey CSV among the per-request files: it has no row for a request that got no response. */
  heyCsv?: string;
}

const suiteName = 'load';

/** Exit 0, or stopped by us after the tail, passes; stopped at the timeout or on a cancel did not finish. */
function commandOutcome({ code, stoppedBy }: LoadExit): ReportCase['outcome'] {
  if (stoppedBy === 'at the timeout') return 'timeout';
  if (stoppedBy === 'on cancel') return 'stopped';
  return code === 0 || stoppedBy === 'after the tail' ? 'pass' : 'fail';
}

export function loadSuite(results: LoadResults): ReportSuite {
  const cases: ReportCase[] = [];
  const properties: Record<string, string> = {};
  // The error-rate settings checked, for the hey warning.
  const errorRates: string[] = [];
  const add: AddCase = (kind, name, ok, message, more = {}) => {
    if (more.errorRate) errorRates.push(more.errorRate);
    cases.push({
      kind,
      className: suiteName,
      name,
      outcome: ok ? 'pass' : 'fail',
      message: ok ? undefined : message,
      details: ok ? undefined : more.details,
      properties: more.properties ?? {},
    });
  };

  if (results.exit) {
    const { code, signal, stoppedBy, lastLines } = results.exit;
    const outcome = commandOutcome(results.exit);
    const ok = outcome === 'pass';
    cases.push({
      kind: 'load-command',
      className: suiteName,
      name: results.command ?? 'load command',
      outcome,
      message: ok
        ? undefined
        : stoppedBy && stoppedBy !== 'after the tail'
          ? `the load command was still running and was stopped ${stoppedBy}`
          : `the load command ${signal ? `was killed by ${signal}` : `exited with ${code}`}`,
      details: ok ? undefined : lastLines.join('\n'),
      startedAt: new Date(results.exit.startedAtMs).toISOString(),
      durationSeconds: (results.exit.endedAtMs - results.exit.startedAtMs) / 1000,
      properties: stoppedBy ? { stopped: stoppedBy } : {},
    });
  }

  for (const threshold of results.k6?.thresholds ?? []) {
    add(
      'load-threshold',
      `${threshold.metric}: ${threshold.expression}`,
      threshold.ok,
      `k6 threshold crossed: ${threshold.metric} ${threshold.expression}`,
      { properties: { metric: threshold.metric } },
    );
  }
  for (const check of results.k6?.checks ?? []) {
    const total = check.passes + check.fails;
    add('load-check', `check: ${check.name}`, check.fails === 0, `${check.fails} of ${total} failed`, {
      properties: { path: check.path },
    });
  }
  if (results.k6?.httpReqDuration?.['p(95)'] !== undefined)
    properties['k6.http_req_duration.p95Ms'] = fixed(results.k6.httpReqDuration['p(95)']);
  if (results.k6?.httpReqFailed !== undefined)
    properties['k6.http_req_failed.rate'] = fixed(results.k6.httpReqFailed, 4);

  const requests = results.requests;
  if (requests && requests.overall.count > 0) {
    const { overall } = requests;
    describe(properties, 'overall', overall);
    const { p95, p99, errorRate } = results.thresholds;
    if (p95 !== undefined)
      add('load-threshold', `p95 < ${p95}ms`, overall.p95Ms < p95, `p95 was ${fixed(overall.p95Ms)}ms`);
    if (p99 !== undefined)
      add('load-threshold', `p99 < ${p99}ms`, overall.p99Ms < p99, `p99 was ${fixed(overall.p99Ms)}ms`);
    if (errorRate !== undefined) {
      add(
        'load-threshold',
        `error rate <= ${percent(errorRate)}`,
        overall.errorRate <= errorRate,
        `error rate was ${percent(overall.errorRate)} (${failedOf(overall)})`,
        { details: failureDetails(requests.topFailures), errorRate: 'load.thresholds.errorRate' },
      );
    }
    if (results.windows.length > 0) impactCases(requests, results, properties, add);
  }
  const started = results.exit ? new Date(results.exit.startedAtMs).toISOString() : undefined;
  return {
    kind: 'load',
    name: suiteName,
    timestamp: started,
    durationSeconds: results.exit ? (results.exit.endedAtMs - results.exit.startedAtMs) / 1000 : undefined,
    properties,
    cases,
    series: requests?.series,
    ...(results.heyCsv && errorRates.length > 0
      ? { warnings: [heyUncounted(results.heyCsv, errorRates)] }
      : {}),
  };
}

/**
 * hey leaves a request that got no response out of its CSV: an error rate read from it can pass while
 * the service refused half the requests. Said, not refused: the file is all hey writes.
 */
function heyUncounted(file: string, settings: string[]): string {
  return (
    `${file}: ${settings.join(' and ')} counted HTTP error statuses only: hey's CSV has no row for a request ` +
    'that got no response (connection refused or reset, timed out), so those are not counted. ' +
    "To count them, use a load tool that records them (JMeter's JTL, k6 --out json); " +
    'hey without -o csv lists them under "Error distribution"'
  );
}

type AddCase = (
  kind: ReportCase['kind'],
  name: string,
  ok: boolean,
  message: string,
  more?: { details?: string; properties?: Record<string, string>; errorRate?: string },
) => void;

function impactCases(
  requests: RequestFigures,
  results: LoadResults,
  properties: Record<string, string>,
  add: AddCase,
): void {
  const { baseline, duringChaos } = requests;
  describe(properties, 'baseline', baseline);
  describe(properties, 'chaos', duringChaos);
  properties['chaos.windows'] = results.windows
    .map((w) => `${new Date(w.startMs).toISOString()}/${new Date(w.endMs).toISOString()}`)
    .join(',');
  const { maxP95Ratio, maxErrorRateDuringChaos } = results.impact;
  if (maxP95Ratio !== undefined) {
    const enough = baseline.count > 0 && duringChaos.count > 0;
    const ratio = duringChaos.p95Ms / baseline.p95Ms;
    add(
      'load-impact',
      `p95 during chaos <= ${maxP95Ratio}x baseline`,
      enough && ratio <= maxP95Ratio,
      enough
        ? `p95 during chaos ${fixed(duringChaos.p95Ms)}ms is ${fixed(ratio, 2)}x the baseline ${fixed(baseline.p95Ms)}ms`
        : `not enough requests to compare (baseline ${baseline.count}, during chaos ${duringChaos.count})${whyNoneInChaos(requests, results.windows)}`,
    );
  }
  if (maxErrorRateDuringChaos !== undefined) {
    add(
      'load-impact',
      `error rate during chaos <= ${percent(maxErrorRateDuringChaos)}`,
      duringChaos.count > 0 && duringChaos.errorRate <= maxErrorRateDuringChaos,
      duringChaos.count > 0
        ? `error rate during chaos was ${percent(duringChaos.errorRate)} (${failedOf(duringChaos)})`
        : `no request ran during the chaos${whyNoneInChaos(requests, results.windows)}`,
      {
        details: failureDetails(requests.chaosTopFailures),
        errorRate: 'load.impact.maxErrorRateDuringChaos',
      },
    );
  }
}

/**
 * Why no request fell inside a chaos window, when the load missed the chaos whole: a load command slow
 * to start (a JVM on a busy agent) sends its first request after a short chaos has ended.
 */
function whyNoneInChaos({ duringChaos, span }: RequestFigures, windows: Window[]): string {
  if (duringChaos.count > 0 || !span || windows.length === 0) return '';
  const chaosEnd = extent(windows.map((w) => w.endMs)).max;
  const chaosStart = extent(windows.map((w) => w.startMs)).min;
  const seconds = (ms: number) => `${fixed(ms / 1000, 1)} s`;
  if (span.firstMs > chaosEnd)
    return `: the load's first request started ${seconds(span.firstMs - chaosEnd)} after the chaos ended (a load slow to start needs a longer load.leadTime)`;
  if (span.lastMs < chaosStart)
    return `: the load's last request started ${seconds(chaosStart - span.lastMs)} before the chaos began`;
  return ': none started inside a chaos window';
}

function describe(properties: Record<string, string>, prefix: string, stats: LatencyStats): void {
  properties[`${prefix}.requests`] = String(stats.count);
  if (stats.count === 0) return;
  properties[`${prefix}.p50Ms`] = fixed(stats.p50Ms);
  properties[`${prefix}.p95Ms`] = fixed(stats.p95Ms);
  properties[`${prefix}.p99Ms`] = fixed(stats.p99Ms);
  properties[`${prefix}.errorRate`] = fixed(stats.errorRate, 4);
}

const failedOf = (stats: LatencyStats) =>
  `${Math.round(stats.errorRate * stats.count)} of ${stats.count} requests failed`;

/** The most frequent failures, one a line, so a failed rate says what failed. */
function failureDetails(top: string[]): string | undefined {
  return top.length > 0 ? `most frequent failures:\n${top.join('\n')}` : undefined;
}

const fixed = (value: number, digits = 1) => String(Number(value.toFixed(digits)));
const percent = (share: number) => `${fixed(share * 100, 2)}%`;
