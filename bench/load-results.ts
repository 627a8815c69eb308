// How fast and how much memory: converting many ChaosResults into JUnit, in process. Prints figures;
// asserts nothing. (Load-test result files: bench/load-files.ts.)
//   node bench/load-results.ts [results]
import { defaultPolicy, evaluateGate } from '../src/gate/policy.ts';
import { convertChaos } from '../src/litmus/convert.ts';
import type { ChaosResult } from '../src/litmus/types.ts';
import { renderJUnit } from '../src/report/junit.ts';

const resultCount = Number(process.argv[2] ?? 2_000);

function measure<T>(label: string, work: () => T): T {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const value = work();
  const ms = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   heap +${heapMb.toFixed(0)} MB`);
  return value;
}

const results: ChaosResult[] = Array.from({ length: resultCount }, (_, i) => ({
  kind: 'ChaosResult',
  metadata: { name: `engine-${i}-pod-delete`, namespace: 'bench', creationTimestamp: '2026-11-20T10:00:00Z' },
  spec: { engine: `engine-${i}`, experiment: 'pod-delete' },
  status: {
    experimentStatus: {
      phase: i % 7 ? 'Completed' : 'Completed_With_Probe_Failure',
      verdict: i % 7 ? 'Pass' : 'Fail',
      probeSuccessPercentage: i % 7 ? '100' : '50',
    },
    probeStatuses: [
      {
        name: 'http',
        type: 'httpProbe',
        mode: 'Continuous',
        status: { verdict: i % 7 ? 'Passed' : 'Failed', description: 'Actual value: 503' },
      },
      { name: 'cmd', type: 'cmdProbe', mode: 'Edge', status: { verdict: 'Passed' } },
    ],
  },
}));
const report = measure(`convert ${resultCount} ChaosResults`, () => convertChaos({ engines: [], results }));
const xml = measure('render JUnit', () => renderJUnit(report, evaluateGate(report, defaultPolicy)));
console.log(
  `JUnit size: ${(xml.length / 1024).toFixed(0)} KB for ${report.suites.reduce((n, s) => n + s.cases.length, 0)} testcases`,
);
