// status.compressedNodes (base64 of gzip of the JSON node map, as Argo writes a large workflow's nodes)
// decoded and checked like status.nodes: where a recorded workflow is read from a file (workflowSchema,
// whose issues name the file and document) and where the converter reads a workflow from the cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { liveWorkflowToSuite, workflowToSuite } from '../../../src/argo/convert.ts';
import { maxDecompressedNodesBytes, workflowSchema, type LiveWorkflow } from '../../../src/argo/types.ts';
import { MiB } from '../../../src/files.ts';
import { parseShape } from '../../../src/kube/shape.ts';
import type { ReportSuite } from '../../../src/report/model.ts';
import { describeIssues } from '../../../src/schema-issues.ts';

const wf = 'chaos-x7k2q';
const compress = (json: string) => gzipSync(json).toString('base64');

function recorded(compressedNodes: string): LiveWorkflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: wf, namespace: 'litmus', labels: { 'workflows.argoproj.io/completed': 'true' } },
    status: { phase: 'Failed', startedAt: '2026-11-30T12:00:00Z', compressedNodes },
  };
}

const step = (extra: Record<string, unknown>) => ({
  [`${wf}-1`]: {
    id: `${wf}-1`,
    name: `${wf}[0].pod-delete`,
    displayName: 'pod-delete',
    type: 'Pod',
    phase: 'Failed',
    message: 'main: Error (exit code 1)',
    startedAt: '2026-11-30T12:00:01Z',
    finishedAt: '2026-11-30T12:00:05Z',
    ...extra,
  },
});

/** The message a file's workflow gets, as `report --workflow` reads it (src/run/report-sources.ts). */
function fileProblem(workflow: unknown): string | undefined {
  const parsed = parseShape(workflowSchema, workflow);
  return parsed.success
    ? undefined
    : describeIssues('wf.yaml, document 1 (Workflow chaos-x7k2q)', parsed.error).join('\n');
}

/** A gzip stream that decompresses to `bytes` spaces: 1 MiB members, each a kilobyte compressed. */
function gzipBomb(bytes: number): string {
  const member = gzipSync(Buffer.alloc(MiB, ' '));
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / MiB) }, () => member)).toString('base64');
}

test('compressed nodes as Argo writes them are read, in a file as from the cluster', () => {
  const workflow = recorded(compress(JSON.stringify(step({}))));
  const fromFile = parseShape(workflowSchema, workflow);
  assert.ok(fromFile.success);
  const expected = [['pod-delete', 'fail', 'main: Error (exit code 1)']];
  const cases = (suite: ReportSuite) => suite.cases.map((c) => [c.name, c.outcome, c.message]);
  assert.deepEqual(cases(workflowToSuite(fromFile.data)), expected);
  assert.deepEqual(cases(liveWorkflowToSuite(workflow)), expected);
});

const wrongNodes: [string, string, RegExp][] = [
  ['gzip of null', compress('null'), /field status\.compressedNodes: expected a mapping, got nothing$/],
  [
    'a node whose children are a string',
    compress(JSON.stringify(step({ children: 'x' }))),
    /field status\.compressedNodes\.chaos-x7k2q-1\.children: expected a list, got text \("x"\)$/,
  ],
  [
    'a node whose message is a number',
    compress(JSON.stringify(step({ message: 5 }))),
    /field status\.compressedNodes\.chaos-x7k2q-1\.message: expected text, got a number \(5\)$/,
  ],
  [
    'a node whose phase is a property of every object',
    compress(JSON.stringify(step({ phase: 'constructor' }))),
    /field status\.compressedNodes\.chaos-x7k2q-1\.phase: expected one of Pending, Running, Succeeded, Skipped, Failed, Error, Omitted, got text \("constructor"\)$/,
  ],
  [
    'what is not gzip',
    Buffer.from('{"a": 1}').toString('base64'),
    /field status\.compressedNodes: not base64 of gzip data/,
  ],
  [
    'gzip of what is not JSON',
    compress('{"a": '),
    /field status\.compressedNodes: the decompressed nodes are not JSON: /,
  ],
  [
    'a gzip bomb',
    gzipBomb(maxDecompressedNodesBytes + MiB),
    /field status\.compressedNodes: decompresses to more than 128 MiB/,
  ],
];

for (const [what, compressedNodes, message] of wrongNodes) {
  test(`compressedNodes holding ${what}: a file is refused naming it and the field; from the cluster, an error case`, () => {
    const workflow = recorded(compressedNodes);
    const problem = fileProblem(workflow) ?? '';
    assert.match(problem, /^wf\.yaml, document 1 \(Workflow chaos-x7k2q\): /);
    assert.match(problem, message);
    // From the cluster the chaos has run: the rest of the report stands, and the gate cannot pass.
    const steps = liveWorkflowToSuite(workflow).cases.find((c) => c.name === 'steps');
    assert.equal(steps?.outcome, 'error');
    assert.ok(steps.message?.startsWith('workflow litmus/chaos-x7k2q: '), steps.message);
    assert.match(steps.message ?? '', message);
  });
}
