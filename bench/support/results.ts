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
  writeFileSync(yamlFile, items.map((item) => `---\n${block(item, '')}`).join(''));
}

/**
 * Block style as kubectl writes it (go-yaml): a sequence's dashes at its key's indent, and scalars
 * plain unless plain text would read as something else.
 */
function block(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    return value.map((item) => `${indent}- ${block(item, `${indent}  `).slice(indent.length + 2)}`).join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, item]) => {
        if (Array.isArray(item)) return `${indent}${key}:\n${block(item, indent)}`;
        if (typeof item === 'object' && item !== null)
          return `${indent}${key}:\n${block(item, `${indent}  `)}`;
        return `${indent}${key}: ${scalar(item)}\n`;
      })
      .join('');
  }
  return `${indent}${scalar(value)}\n`;
}

/** As go-yaml quotes: double where plain would read as a number, bool or time; single where plain is not allowed. */
function scalar(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  if (/^(?:[-+]?[\d.]+|true|false|null|~|\d{4}-\d\d-\d\d.*)$/i.test(value) || value === '')
    return JSON.stringify(value);
  if (/: | #|^[-?:,[\]{}#&*!|>'"%@`]|^\s|\s$/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return value;
}
