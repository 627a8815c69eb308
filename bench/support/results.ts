// Generates N ChaosResults with five probes each, as `kubectl get chaosresults -o json` (a List) and
// as multi-document YAML, written straight as text so generating 50,000 takes a second.
import { writeFileSync } from 'node:fs';

function result(i: number) {
  const failed = i % 7 === 0;
  return {
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosResult',
    metadata: {
      name: `engine-${i}-pod-delete`,
      namespace: `bench-${i % 20}`,
      creationTimestamp: '2026-11-20T10:00:00Z',
      labels: { chaosUID: `uid-${i}`, 'app.kubernetes.io/component': 'experiment-job', name: 'pod-delete' },
    },
    spec: { engine: `engine-${i}`, experiment: 'pod-delete' },
    status: {
      experimentStatus: {
        phase: failed ? 'Completed_With_Probe_Failure' : 'Completed',
        verdict: failed ? 'Fail' : 'Pass',
        probeSuccessPercentage: failed ? '80' : '100',
      },
      probeStatuses: ['http', 'cmd', 'k8s', 'prom', 'edge'].map((name, p) => ({
        name: `${name}-probe`,
        type: `${name}Probe`,
        mode: p % 2 ? 'Edge' : 'Continuous',
        status: {
          verdict: failed && p === 0 ? 'Failed' : 'Passed',
          description:
            failed && p === 0 ? 'Actual value: 503. Expected value: should be equal to 200' : 'Probe passed',
        },
      })),
      history: { passedRuns: failed ? 0 : 1, failedRuns: failed ? 1 : 0, stoppedRuns: 0 },
    },
  };
}

export function writeResults(count: number, jsonFile: string, yamlFile: string): void {
  const items = Array.from({ length: count }, (_, i) => result(i));
  writeFileSync(jsonFile, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2));
  // JSON is valid YAML flow style; kubectl's own YAML is block style, so write block style by hand.
  writeFileSync(yamlFile, items.map(toYaml).join(''));
}

function toYaml(value: unknown): string {
  return `---\n${block(value, '')}`;
}

function block(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        const inner = block(item, `${indent}  `);
        return `${indent}- ${inner.slice(indent.length + 2)}`;
      })
      .join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, item]) =>
        typeof item === 'object' && item !== null
          ? `${indent}${key}:\n${block(item, `${indent}  `)}`
          : `${indent}${key}: ${JSON.stringify(item)}\n`,
      )
      .join('');
  }
  return `${indent}${JSON.stringify(value)}\n`;
}
