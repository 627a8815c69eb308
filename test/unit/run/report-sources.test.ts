// Results read from files: a wrong shape is refused naming the file, the object and the field — never
// a JavaScript error, and never a probe silently dropped into a pass.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ConfigError } from '../../../src/errors.ts';
import { chaosInputFromFiles, workflowReportFromFile } from '../../../src/run/report-sources.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-results-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const result = (status: string) =>
  `apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosResult\nmetadata:\n  name: cart-pod-delete\n  namespace: shop\nspec:\n  engine: cart\n  experiment: pod-delete\nstatus:\n${status}`;

function refused(run: () => unknown, expected: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ConfigError, `not a ConfigError: ${String(error)}`);
    assert.match(error.message, expected);
    return true;
  });
}

test('a string or a map where a list belongs names the file, object and field', () => {
  const stringProbes = write(
    'string.yaml',
    result('  experimentStatus: { phase: Completed, verdict: Pass }\n  probeStatuses: "all passed"\n'),
  );
  refused(
    () => chaosInputFromFiles([stringProbes]),
    /string\.yaml, document 1 \(ChaosResult cart-pod-delete\): field status\.probeStatuses: expected a list, got text \("all passed"\)$/,
  );
  // A map would have been skipped for the legacy list and the result passed without its failed probe.
  const mapProbes = write(
    'map.yaml',
    result(
      '  experimentStatus: { phase: Completed, verdict: Pass }\n  probeStatuses: { up: { verdict: Failed } }\n',
    ),
  );
  refused(
    () => chaosInputFromFiles([mapProbes]),
    /map\.yaml, .*field status\.probeStatuses: expected a list, got a mapping$/,
  );
  const badVerdict = write(
    'verdict.yaml',
    result('  experimentStatus: { phase: Completed, verdict: [Pass] }\n'),
  );
  refused(
    () => chaosInputFromFiles([badVerdict]),
    /field status\.experimentStatus\.verdict: expected text, got a list$/,
  );
  const percentageMap = write(
    'percentage.yaml',
    result(
      '  experimentStatus: { phase: Completed, verdict: Pass, probeSuccessPercentage: { value: 100 } }\n',
    ),
  );
  refused(
    () => chaosInputFromFiles([percentageMap]),
    /field status\.experimentStatus\.probeSuccessPercentage: expected text or a number, got a mapping$/,
  );
});

test('a workflow whose nodes are not a map is refused naming the field', () => {
  const file = write(
    'workflow.yaml',
    'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: wf, namespace: shop }\nstatus:\n  phase: Succeeded\n  nodes: [a, b]\n',
  );
  refused(
    () => workflowReportFromFile(file),
    /workflow\.yaml, document 1 \(Workflow wf\): field status\.nodes: expected a mapping, got a list$/,
  );
});

test('a workflow file with compressed nodes is reported as with plain nodes, decompressed once', (t) => {
  const nodes = {
    'wf-1': { id: 'wf-1', name: 'wf[0].kill', displayName: 'kill', type: 'Pod', phase: 'Succeeded' },
    'wf-2': { id: 'wf-2', name: 'wf[1].check', displayName: 'check', type: 'Pod', phase: 'Failed' },
  };
  const json = JSON.stringify(nodes);
  const workflow = (status: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: { name: wf, namespace: shop }\nstatus:\n  phase: Failed\n${status}`;
  const plain = workflowReportFromFile(write('plain.yaml', workflow(`  nodes: ${json}\n`)));
  const compressed = write(
    'compressed.yaml',
    workflow(`  compressedNodes: ${gzipSync(json).toString('base64')}\n`),
  );
  const parse = t.mock.method(JSON, 'parse');
  assert.deepEqual(workflowReportFromFile(compressed), plain);
  // A node map can decompress to a hundred MiB: checking it and converting it share one decoding.
  assert.equal(parse.mock.calls.filter((call) => call.arguments[0] === json).length, 1);
});

test('the same ChaosResult twice in the inputs is refused, naming both places', () => {
  const pass = result('  experimentStatus: { phase: Completed, verdict: Pass }\n');
  const a = write('a.yaml', pass);
  const b = write('b.yaml', pass.replace('Pass', 'Fail'));
  refused(
    () => chaosInputFromFiles([a, b]),
    /b\.yaml, document 1 \(ChaosResult cart-pod-delete\): the same ChaosResult as .*a\.yaml, document 1/,
  );
});
