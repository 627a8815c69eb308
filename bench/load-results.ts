// How fast and how much memory: parsing a large JMeter JTL and computing the chaos impact, and
// converting many ChaosResults into JUnit. Prints figures; asserts nothing.
//   node bench/load-results.ts [rows] [results]
import { defaultPolicy, evaluateGate } from '../src/gate/policy.ts';
import { convertChaos } from '../src/litmus/convert.ts';
import type { ChaosResult } from '../src/litmus/types.ts';
import { parseJtl } from '../src/load/jtl.ts';
import { computeImpact } from '../src/load/samples.ts';
import { renderJUnit } from '../src/report/junit.ts';

const rows = Number(process.argv[2] ?? 500_000);
const resultCount = Number(process.argv[3] ?? 2_000);

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

const t0 = 1_795_000_000_000;
const header =
  'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';
const jtl = measure(`build a JTL of ${rows} rows`, () => {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${t0 + i * 10},${100 + (i % 50)},GET /checkout,200,OK,Checkout 1-1,text,true,,512,128,1,1,http://checkout/api,95,0,3`,
    );
  }
  return lines.join('\n');
});
console.log(`JTL size: ${(jtl.length / 1024 / 1024).toFixed(0)} MB`);
const samples = measure('parse the JTL', () => parseJtl(jtl, 'bench.jtl'));
measure('impact (one chaos window)', () =>
  computeImpact(samples, [{ startMs: t0 + rows * 3, endMs: t0 + rows * 6 }]),
);

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
