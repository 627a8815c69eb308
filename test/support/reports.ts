// Reports for the renderer tests: each scenario a reader may meet.
import type { LoadBucket, Report, ReportCase } from '../../src/report/model.ts';

export const hostile = 'a "quote" <tag> & ]]> \u0000nul \u0007bell | pipe\nnew line 🧨 </testcase>';

export function caseOf(
  name: string,
  outcome: ReportCase['outcome'],
  extra: Partial<ReportCase> = {},
): ReportCase {
  return {
    kind: 'experiment',
    className: 'shop/checkout',
    name,
    outcome,
    properties: {},
    experiment: `shop/checkout/${name}`,
    ...extra,
  };
}

/** One engine with every outcome, and messages full of what XML and Markdown must escape. */
export function everyOutcome(): Report {
  return {
    suites: [
      {
        kind: 'chaosengine',
        name: 'shop/checkout',
        timestamp: '2026-11-20T10:00:05Z',
        durationSeconds: 75.5,
        properties: { engine: 'shop/checkout', 'chaos.duration': '60s' },
        cases: [
          caseOf('pod-delete', 'pass', { startedAt: '2026-11-20T10:00:05Z', durationSeconds: 70 }),
          caseOf('pod-cpu-hog', 'fail', { message: hostile, details: `failStep: ${hostile}` }),
          caseOf('pod-network-loss', 'error', { message: 'TARGET_SELECTION_ERROR: no target pods found' }),
          caseOf('container-kill', 'stopped', { message: 'aborted' }),
          caseOf('disk-fill', 'timeout', { message: 'still Awaited' }),
          caseOf('pod-delete / probe http', 'skipped', {
            kind: 'probe',
            experiment: 'shop/checkout/pod-delete',
            message: 'probe verdict N/A',
          }),
        ],
      },
    ],
  };
}

/** An experiment whose probe failed, and a passing one with a passing probe. */
export function failedProbe(): Report {
  const started = '2026-11-20T10:00:00Z';
  return {
    suites: [
      {
        kind: 'chaosengine',
        name: 'shop/cart',
        timestamp: started,
        durationSeconds: 90,
        properties: {},
        cases: [
          caseOf('pod-delete', 'fail', {
            className: 'shop/cart',
            experiment: 'shop/cart/pod-delete',
            startedAt: started,
            durationSeconds: 60,
            message: 'probe cart-responds failed: Actual value: 503',
          }),
          caseOf('pod-delete / probe cart-responds', 'fail', {
            kind: 'probe',
            className: 'shop/cart',
            experiment: 'shop/cart/pod-delete',
            startedAt: started,
            message: 'Actual value: 503',
          }),
          caseOf('pod-delete / probe cart-ready', 'pass', {
            kind: 'probe',
            className: 'shop/cart',
            experiment: 'shop/cart/pod-delete',
            startedAt: started,
          }),
          caseOf('pod-cpu-hog', 'pass', {
            className: 'shop/cart',
            experiment: 'shop/cart/pod-cpu-hog',
            startedAt: '2026-11-20T10:00:30Z',
            durationSeconds: 55,
          }),
          caseOf('pod-cpu-hog / probe cart-ready', 'pass', {
            kind: 'probe',
            className: 'shop/cart',
            experiment: 'shop/cart/pod-cpu-hog',
            startedAt: '2026-11-20T10:00:30Z',
          }),
        ],
      },
    ],
  };
}

/** ChaosResults read from a file: no engine, no timestamps or durations anywhere. */
export function resultsOnly(): Report {
  return {
    suites: [
      {
        kind: 'chaosengine',
        name: 'shop/nginx-chaos',
        properties: { engine: 'shop/nginx-chaos' },
        cases: [
          caseOf('pod-delete', 'pass', { className: 'shop/nginx-chaos' }),
          caseOf('pod-delete / probe up', 'skipped', {
            kind: 'probe',
            className: 'shop/nginx-chaos',
            message: 'probe verdict N/A',
          }),
        ],
      },
    ],
  };
}

const t0 = Date.parse('2026-11-20T10:00:00Z');

/**
 * A run with a load test: 30 s of baseline, two chaos windows in which latency and errors rise, a
 * tail; the load suite carries its per-bucket series.
 */
export function withLoad(): Report {
  const windows = [
    { startMs: t0 + 30_000, endMs: t0 + 60_000 },
    { startMs: t0 + 80_000, endMs: t0 + 95_000 },
  ];
  const buckets: LoadBucket[] = [];
  for (let s = 0; s < 120; s += 2) {
    const startMs = t0 + s * 1000;
    const hit = windows.some((w) => startMs >= w.startMs && startMs < w.endMs);
    buckets.push({
      startMs,
      requests: 40,
      errors: hit ? 6 : 0,
      p50Ms: hit ? 180 : 40,
      p95Ms: hit ? 620 : 90,
    });
  }
  const chaos = failedProbe();
  return {
    suites: [
      ...chaos.suites,
      {
        kind: 'load',
        name: 'load',
        timestamp: new Date(t0).toISOString(),
        durationSeconds: 120,
        properties: {
          'baseline.requests': '1800',
          'baseline.p50Ms': '40',
          'baseline.p95Ms': '90',
          'baseline.p99Ms': '120',
          'baseline.errorRate': '0',
          'chaos.requests': '900',
          'chaos.p50Ms': '180',
          'chaos.p95Ms': '620',
          'chaos.p99Ms': '700',
          'chaos.errorRate': '0.15',
        },
        cases: [
          {
            kind: 'load-command',
            className: 'load',
            name: 'k6 run load.js',
            outcome: 'pass',
            startedAt: new Date(t0).toISOString(),
            durationSeconds: 120,
            properties: {},
          },
          {
            kind: 'load-impact',
            className: 'load',
            name: 'p95 during chaos <= 2x baseline',
            outcome: 'fail',
            message: 'p95 during chaos 620ms is 6.89x the baseline 90ms',
            properties: {},
          },
        ],
        series: { bucketMs: 2000, buckets, chaosWindows: windows },
      },
    ],
  };
}

/** `count` experiments of one engine, each failed with a failed probe. */
export function manyFailures(count: number): Report {
  const cases: ReportCase[] = [];
  for (let i = 1; i <= count; i++) {
    const experiment = `shop/big/exp-${i}`;
    cases.push(
      caseOf(`exp-${i}`, 'fail', { className: 'shop/big', experiment, message: `probe p${i} failed: 503` }),
      caseOf(`exp-${i} / probe p${i}`, 'fail', {
        kind: 'probe',
        className: 'shop/big',
        experiment,
        message: '503',
      }),
    );
  }
  return { suites: [{ kind: 'chaosengine', name: 'shop/big', properties: {}, cases }] };
}

/**
 * `count` experiments of one engine run one after another, 30 s each, each with a probe; every 7th
 * failed by its probe, as a long soak run of many engines reports.
 */
export function manyTimed(count: number): Report {
  const cases: ReportCase[] = [];
  for (let i = 1; i <= count; i++) {
    const experiment = `shop/soak/exp-${i}`;
    const outcome = i % 7 === 0 ? 'fail' : 'pass';
    const startedAt = new Date(t0 + (i - 1) * 30_000).toISOString();
    cases.push(
      caseOf(`exp-${i}`, outcome, { className: 'shop/soak', experiment, startedAt, durationSeconds: 30 }),
      caseOf(`exp-${i} / probe p${i}`, outcome, { kind: 'probe', className: 'shop/soak', experiment }),
    );
  }
  return { suites: [{ kind: 'chaosengine', name: 'shop/soak', properties: {}, cases }] };
}

/**
 * `count` engines of one experiment with five probes each, as `chaos-gate report` reads that many
 * ChaosResults; every 7th failed by its first probe.
 */
export function manyEngines(count: number): Report {
  const suites = Array.from({ length: count }, (_, i) => {
    const className = `bench-${i % 20}/engine-${i}`;
    const experiment = `${className}/pod-delete`;
    const failed = i % 7 === 0;
    const probes = ['http', 'cmd', 'k8s', 'prom', 'edge'].map((probe, p) =>
      caseOf(`pod-delete / probe ${probe}-probe`, failed && p === 0 ? 'fail' : 'pass', {
        kind: 'probe',
        className,
        experiment,
        ...(failed && p === 0
          ? { message: 'Actual value: 503. Expected value: should be equal to 200' }
          : {}),
      }),
    );
    const verdict = caseOf('pod-delete', failed ? 'fail' : 'pass', {
      className,
      experiment,
      ...(failed ? { message: 'probe http-probe failed: Actual value: 503' } : {}),
    });
    return {
      kind: 'chaosengine' as const,
      name: className,
      properties: { engine: className },
      cases: [verdict, ...probes],
    };
  });
  return { suites };
}

/** Every scenario, by name. */
export const scenarios: Record<string, () => Report> = {
  everyOutcome,
  failedProbe,
  resultsOnly,
  withLoad,
  manyFailures: () => manyFailures(25),
  empty: () => ({ suites: [] }),
};
