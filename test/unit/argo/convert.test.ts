// The Argo converter over Workflow statuses in the shapes the real workflow-controller (v4.0.5) writes:
// node ids, names (`wf[0].step`, retry attempts `step(0)`), types, boundaries and messages as seen in the
// sandbox runs of test/integration/workflow-run.test.ts, where the same cases run end to end.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { isWorkflowCompleted } from '../../../src/argo/condition.ts';
import { liveWorkflowToSuite, workflowToSuite } from '../../../src/argo/convert.ts';
import type { LiveWorkflow, NodePhase, NodeType, Workflow, WorkflowNode } from '../../../src/argo/types.ts';
import { defaultPolicy, evaluateGate } from '../../../src/gate/policy.ts';

const wf = 'chaos-x7k2q';
const t = (second: number) => `2026-11-30T12:00:${String(second).padStart(2, '0')}Z`;

/** A node status; its id is its name here (real ids are `<wf>-<hash>`, opaque to the converter). */
function node(
  type: NodeType,
  name: string,
  phase: NodePhase,
  started: number,
  finished: number | undefined,
  extra: Partial<WorkflowNode> = {},
): WorkflowNode {
  // Argo's display names: the step or task name, `[i]` for a step group, the full name for onExit.
  const displayName =
    name === wf || name.endsWith('.onExit')
      ? name
      : (/[^.]+$/.exec(name.replace(/^.*\]\./, ''))?.[0] ?? name);
  return {
    id: name,
    name,
    displayName,
    type,
    phase,
    startedAt: t(started),
    ...(finished !== undefined && { finishedAt: t(finished) }),
    ...(name !== wf && !name.endsWith('.onExit') && { boundaryID: wf }),
    ...(type === 'Pod' && { templateName: displayName.replace(/\(\d+\)$/, '') }),
    ...extra,
  };
}

/** Without compressed nodes, a workflow checked and one from the cluster have the same shape. */
function workflow(
  phase: Pick<NonNullable<Workflow['status']>, 'phase' | 'finishedAt' | 'message' | 'progress'>,
  nodes: WorkflowNode[],
): Workflow & LiveWorkflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: wf,
      namespace: 'litmus',
      labels: phase?.phase && phase.phase !== 'Running' ? { 'workflows.argoproj.io/completed': 'true' } : {},
    },
    status: { startedAt: t(0), ...phase, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) },
  };
}

const outcomes = (w: Workflow) => workflowToSuite(w).cases.map((c) => [c.name, c.outcome]);
const failed = (code: number) => ({
  message: `main: Error (exit code ${code})`,
  outputs: { exitCode: String(code) },
});
const ok = { outputs: { exitCode: '0' } };

test('a succeeded steps workflow: a passed case per pod step, none for the step groups', () => {
  const done = workflow({ phase: 'Succeeded', finishedAt: t(9), progress: '3/3' }, [
    node('Steps', wf, 'Succeeded', 0, 9),
    node('StepGroup', `${wf}[0]`, 'Succeeded', 0, 3),
    node('Pod', `${wf}[0].install`, 'Succeeded', 0, 3, ok),
    node('StepGroup', `${wf}[1]`, 'Succeeded', 3, 9),
    node('Pod', `${wf}[1].pod-delete`, 'Succeeded', 3, 9, ok),
    node('Pod', `${wf}[1].load-test`, 'Succeeded', 3, 8, ok),
  ]);
  assert.ok(isWorkflowCompleted(done));
  const suite = workflowToSuite(done);
  assert.equal(suite.name, `litmus/${wf}`);
  assert.equal(suite.properties.phase, 'Succeeded');
  assert.deepEqual(outcomes(done), [
    ['install', 'pass'],
    ['pod-delete', 'pass'],
    ['load-test', 'pass'],
  ]);
  assert.equal(suite.cases[1]?.durationSeconds, 6);
});

test('a failed step carries the node message, and its exit code when the message does not say it', () => {
  const cases = workflowToSuite(
    workflow({ phase: 'Failed', message: `child '${wf}[0].pod-delete' failed` }, [
      node('Steps', wf, 'Failed', 0, 5, { message: `child '${wf}[0].pod-delete' failed` }),
      node('Pod', `${wf}[0].pod-delete`, 'Failed', 0, 5, failed(1)),
    ]),
  ).cases;
  assert.equal(cases[0]?.outcome, 'fail');
  assert.equal(cases[0]?.message, 'main: Error (exit code 1)');
  assert.equal(cases[0]?.details, undefined, 'the exit code is not repeated');
  const oomKilled = workflowToSuite(
    workflow({ phase: 'Failed' }, [
      node('Steps', wf, 'Failed', 0, 5),
      node('Pod', `${wf}[0].pod-delete`, 'Failed', 0, 5, { ...failed(137), message: 'OOMKilled' }),
    ]),
  ).cases[0];
  assert.equal(oomKilled?.details, 'OOMKilled (exit code 137)');
});

// retryStrategy {limit: 2}: the controller writes a Retry node whose children are the attempt pods.
const retried = (attempts: [NodePhase, number][], retryPhase: NodePhase, wfPhase: 'Succeeded' | 'Failed') =>
  workflow({ phase: wfPhase }, [
    node('Steps', wf, wfPhase, 0, 9),
    node('StepGroup', `${wf}[0]`, retryPhase, 0, 9),
    node('Retry', `${wf}[0].flaky`, retryPhase, 0, 9, {
      children: attempts.map((_, i) => `${wf}[0].flaky(${i})`),
      ...(retryPhase === 'Failed' && { message: 'No more retries left' }),
    }),
    ...attempts.map(([phase, code], i) =>
      node('Pod', `${wf}[0].flaky(${i})`, phase, i * 3, i * 3 + 2, code === 0 ? ok : failed(code)),
    ),
  ]);

test('a step that failed once and passed on retry is one passed case, marked flaky with its attempts', () => {
  const suite = workflowToSuite(
    retried(
      [
        ['Failed', 1],
        ['Succeeded', 0],
      ],
      'Succeeded',
      'Succeeded',
    ),
  );
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome]),
    [['flaky', 'pass']],
  );
  const [flaky] = suite.cases;
  assert.equal(flaky?.properties.flaky, 'true');
  assert.equal(flaky?.properties.attempts, '2');
  assert.equal(flaky?.properties.failedAttempts, '1');
  assert.equal(flaky?.properties['attempt.1'], '(flaky(0)): Failed — main: Error (exit code 1)');
  assert.equal(flaky?.properties['attempt.2'], '(flaky(1)): Succeeded');
  assert.equal(evaluateGate({ suites: [suite] }, defaultPolicy).verdict, 'pass');
});

test('a step whose retries all failed is one failed case naming the last failure and the attempts', () => {
  const suite = workflowToSuite(
    retried(
      [
        ['Failed', 1],
        ['Failed', 2],
        ['Failed', 3],
      ],
      'Failed',
      'Failed',
    ),
  );
  assert.equal(suite.cases.length, 1);
  const [step] = suite.cases;
  assert.equal(step?.outcome, 'fail');
  assert.equal(step?.message, 'main: Error (exit code 3) (after 3 attempts)');
  assert.match(step?.details ?? '', /attempt 1 \(flaky\(0\)\): Failed — main: Error \(exit code 1\)/);
  assert.equal(step?.properties.failedAttempts, '3');
  assert.equal(step?.properties.flaky, undefined);
  assert.equal(evaluateGate({ suites: [suite] }, defaultPolicy).verdict, 'fail');
});

test('a retry still running at the timeout is one timeout case', () => {
  const running = retried([['Failed', 1]], 'Running', 'Succeeded');
  running.status!.phase = 'Running';
  running.status!.nodes![`${wf}[0].flaky`]!.finishedAt = undefined;
  const steps = workflowToSuite(running, { timedOut: true }).cases.filter((c) => c.kind === 'workflow-step');
  assert.deepEqual(
    steps.map((c) => [c.name, c.outcome, c.message]),
    [['flaky', 'timeout', 'still Running when the wait timed out']],
  );
});

test('a workflow cancelled mid-wait is stopped, as an engine is, not a timeout', () => {
  const running = workflow({ phase: 'Running' }, [
    node('Steps', wf, 'Running', 0, undefined),
    node('Pod', `${wf}[0].install`, 'Succeeded', 0, 2, ok),
    node('Pod', `${wf}[1].pod-delete`, 'Running', 2, undefined),
  ]);
  const suite = liveWorkflowToSuite(running, { cancelled: 'SIGINT' });
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome, c.message]),
    [
      ['install', 'pass', undefined],
      ['pod-delete', 'stopped', 'still Running when the run was cancelled (SIGINT)'],
      ['workflow', 'stopped', 'still Running when the run was cancelled (SIGINT)'],
    ],
  );
  // What the gate makes of it is what it makes of a stopped experiment.
  assert.equal(evaluateGate({ suites: [suite] }, { ...defaultPolicy, stopped: 'skip' }).verdict, 'pass');
  // At the timeout the same workflow timed out, and says when too.
  assert.deepEqual(
    liveWorkflowToSuite(running, { timedOut: true })
      .cases.map((c) => [c.outcome, c.message])
      .slice(1),
    [
      ['timeout', 'still Running when the wait timed out'],
      ['timeout', 'still Running when the wait timed out'],
    ],
  );
});

test('a workflow cancelled during the stop after the timeout timed out, and says the cancel came next', () => {
  const running = workflow({ phase: 'Running' }, [
    node('Pod', `${wf}[0].pod-delete`, 'Running', 0, undefined),
  ]);
  const then =
    'when the wait timed out, and the run was then cancelled (SIGINT) while chaos-gate stopped the chaos';
  assert.deepEqual(
    liveWorkflowToSuite(running, { timedOut: true, cancelled: 'SIGINT' }).cases.map((c) => [
      c.outcome,
      c.message,
    ]),
    [
      ['timeout', `still Running ${then}`],
      ['timeout', `still Running ${then}`],
    ],
  );
  // Not started by the timeout: the cancel after it does not make it one cancelled before it started.
  const unstarted = { ...running, status: undefined };
  assert.deepEqual(
    liveWorkflowToSuite(unstarted, { timedOut: true, cancelled: 'SIGINT' }).cases.map((c) => c.outcome),
    ['timeout'],
  );
});

test('a running workflow as Argo writes it, its unreached times null, is read, not an unreadable error', () => {
  const running: LiveWorkflow = {
    ...workflow({ phase: 'Running' }, []),
    status: {
      phase: 'Running',
      startedAt: t(0),
      finishedAt: null,
      nodes: {
        [`${wf}[0].pod-delete`]: {
          ...node('Pod', `${wf}[0].pod-delete`, 'Running', 0, undefined),
          finishedAt: null,
        },
      },
    },
  };
  assert.deepEqual(
    liveWorkflowToSuite(running, { cancelled: 'SIGTERM' }).cases.map((c) => [c.name, c.outcome]),
    [
      ['pod-delete', 'stopped'],
      ['workflow', 'stopped'],
    ],
  );
});

test('continueOn: a failed step the workflow tolerated is skipped and says so; the gate passes', () => {
  const tolerated = workflow({ phase: 'Succeeded' }, [
    node('Steps', wf, 'Succeeded', 0, 6),
    node('StepGroup', `${wf}[0]`, 'Succeeded', 0, 6),
    node('Pod', `${wf}[0].smoke-test`, 'Failed', 0, 4, failed(2)),
    node('Pod', `${wf}[0].pod-delete`, 'Succeeded', 0, 6, ok),
  ]);
  const suite = workflowToSuite(tolerated);
  const [smoke] = suite.cases;
  assert.equal(smoke?.outcome, 'skipped');
  assert.equal(smoke?.message, 'Failed, tolerated by the workflow (it continued): main: Error (exit code 2)');
  assert.equal(smoke?.properties.tolerated, 'true');
  assert.equal(smoke?.properties.phase, 'Failed');
  assert.equal(evaluateGate({ suites: [suite] }, defaultPolicy).verdict, 'pass');
});

test('a failed step inside a failed template is not tolerated', () => {
  const suite = workflowToSuite(
    workflow({ phase: 'Failed' }, [
      node('DAG', wf, 'Failed', 0, 6),
      node('Pod', `${wf}.a`, 'Failed', 0, 2, failed(3)),
      node('Pod', `${wf}.b`, 'Succeeded', 0, 6, ok),
      node('Skipped', `${wf}.c`, 'Omitted', 2, 2, { message: 'omitted: depends condition not met' }),
    ]),
  );
  const outcome = (name: string) => suite.cases.find((c) => c.name === name)?.outcome;
  assert.equal(outcome('a'), 'fail');
  assert.equal(outcome('b'), 'pass');
});

test('an exit handler that fails fails the workflow and its case, although the steps passed', () => {
  const cases = workflowToSuite(
    workflow({ phase: 'Failed', message: 'main: Error (exit code 1)' }, [
      node('Steps', wf, 'Succeeded', 0, 4),
      node('Pod', `${wf}[0].pod-delete`, 'Succeeded', 0, 4, ok),
      node('Pod', `${wf}.onExit`, 'Failed', 4, 6, { ...failed(1), templateName: 'cleanup' }),
    ]),
  ).cases;
  assert.deepEqual(
    cases.map((c) => [c.name, c.outcome]),
    [
      ['pod-delete', 'pass'],
      [`${wf}.onExit`, 'fail'],
    ],
  );
});

test('a pod that never started is an error with the reason', () => {
  const message = 'Pod failed before main container starts due to ErrImagePull: Back-off pulling image "k6"';
  const [step] = workflowToSuite(
    workflow({ phase: 'Failed' }, [
      node('Steps', wf, 'Failed', 0, 2),
      node('Pod', `${wf}[0].load-test`, 'Error', 0, 2, { message }),
    ]),
  ).cases;
  assert.equal(step?.outcome, 'error');
  assert.equal(step?.message, message);
});

test('a workflow that failed between steps, with no failed step, fails its workflow case with the reason', () => {
  // As the controller leaves a withParam that does not parse: the step group errors, no pod fails.
  const message =
    "withParam value could not be parsed as a JSON list: oops: invalid character 'o' looking for beginning of value";
  const failedBetween = workflow({ phase: 'Failed', message }, [
    node('Steps', wf, 'Failed', 0, 2, { message }),
    node('StepGroup', `${wf}[0]`, 'Succeeded', 0, 1),
    node('Pod', `${wf}[0].first`, 'Succeeded', 0, 1, ok),
    node('StepGroup', `${wf}[1]`, 'Error', 1, 2, { message }),
  ]);
  const suite = workflowToSuite(failedBetween);
  assert.deepEqual(outcomes(failedBetween), [
    ['first', 'pass'],
    ['workflow', 'fail'],
  ]);
  assert.equal(suite.cases.at(-1)?.message, message);
  const decision = evaluateGate({ suites: [suite] }, defaultPolicy);
  assert.equal(decision.verdict, 'fail');
  assert.deepEqual(decision.reasons, [`workflow litmus/${wf} › workflow failed: ${message}`]);
});

test('a workflow the controller refused before any step ran is an error case with its message', () => {
  const message = 'workflowtemplates.argoproj.io "chaos-lod" not found';
  const refused = workflow({ phase: 'Error', message }, []);
  assert.deepEqual(outcomes(refused), [['workflow', 'error']]);
  assert.equal(workflowToSuite(refused).cases[0]?.message, message);
  // A failed step says why the workflow failed: no second case repeats it.
  const stepFailed = workflow({ phase: 'Failed', message: `child '${wf}[0].a' failed` }, [
    node('Steps', wf, 'Failed', 0, 2),
    node('Pod', `${wf}[0].a`, 'Failed', 0, 2, failed(1)),
  ]);
  assert.deepEqual(outcomes(stepFailed), [['a', 'fail']]);
});

test("a workflow a restricted controller refused (templateReferencing Strict or Secure): its file, the controller's words, and what to do", () => {
  const source = 'wf.yaml (Workflow chaos-)';
  const refusal = (message: string) => {
    const suite = liveWorkflowToSuite(workflow({ phase: 'Error', message }, []), { source });
    assert.deepEqual(
      suite.cases.map((c) => [c.name, c.outcome]),
      [['workflow', 'error']],
    );
    return suite.cases[0]?.message ?? '';
  };
  const restricted =
    'the controller runs only WorkflowTemplates (workflowRestrictions.templateReferencing Strict or Secure in its workflow-controller-configmap)';
  assert.equal(
    refusal('workflows must use workflowTemplateRef to be executed when the controller is in reference mode'),
    `${source}: the workflow controller refused to run it: "workflows must use workflowTemplateRef to be executed when the controller is in reference mode"; ` +
      `${restricted}: put the workflow's templates in a WorkflowTemplate and run that with workflow.template (--workflow-template), or ask for the restriction to be lifted`,
  );
  assert.equal(
    refusal(
      'fields [OnExit ServiceAccountName] are not permitted when using workflowTemplateRef with templateReferencing restriction',
    ),
    `${source}: the workflow controller refused to run it: "fields [OnExit ServiceAccountName] are not permitted when using workflowTemplateRef with templateReferencing restriction"; ` +
      `${restricted}, and a workflow that references one may set only arguments, entrypoint, shutdown, suspend, activeDeadlineSeconds, priority, ttlStrategy, podGC, volumeClaimGC, archiveLogs, workflowMetadata, workflowTemplateRef, metrics, artifactGC: ` +
      'move the other fields into the WorkflowTemplate, or ask for the restriction to be lifted',
  );
  assert.match(
    refusal(
      'WorkflowSpec may not change during execution when the controller is set `templateReferencing: Secure`',
    ),
    /^wf\.yaml \(Workflow chaos-\): the workflow controller stopped running it: "WorkflowSpec may not change during execution when the controller is set `templateReferencing: Secure`"; the WorkflowTemplate it runs .* changed while it ran/,
  );
  // Any other refusal is the controller's message alone, as before.
  assert.equal(
    refusal('invalid spec: template reference chaos-load.mian not found'),
    'invalid spec: template reference chaos-load.mian not found',
  );
  // The Action's user is told the input to set, not the CLI's flag.
  const fromAction = liveWorkflowToSuite(
    workflow(
      {
        phase: 'Error',
        message:
          'workflows must use workflowTemplateRef to be executed when the controller is in reference mode',
      },
      [],
    ),
    { source, templateSetting: 'workflow-template' },
  );
  assert.match(
    fromAction.cases[0]?.message ?? '',
    /run that with workflow\.template \(workflow-template\), or ask/,
  );
});

test('a running workflow whose nodes all succeeded is not complete: the gate cannot pass it', () => {
  const running = workflow({ phase: 'Running' }, [
    node('DAG', wf, 'Running', 0, undefined),
    node('Pod', `${wf}.a`, 'Succeeded', 0, 2, ok),
  ]);
  assert.equal(isWorkflowCompleted(running), false);
  assert.deepEqual(outcomes(running).at(-1), ['workflow', 'timeout']);
});

test('compressedNodes are read like nodes; offloaded nodes are reported as unreadable', () => {
  const plain = retried(
    [
      ['Failed', 1],
      ['Succeeded', 0],
    ],
    'Succeeded',
    'Succeeded',
  );
  const compressed: LiveWorkflow = {
    ...plain,
    status: {
      ...plain.status,
      nodes: undefined,
      compressedNodes: gzipSync(JSON.stringify(plain.status?.nodes)).toString('base64'),
    },
  };
  const fromCluster = liveWorkflowToSuite(compressed).cases.map((c) => [c.name, c.outcome]);
  assert.deepEqual(fromCluster, outcomes(plain));
  const offloaded: Workflow = {
    ...plain,
    status: { ...plain.status, nodes: undefined, offloadNodeStatusVersion: 'fnv:123' },
  };
  assert.deepEqual(outcomes(offloaded), [['steps', 'error']]);
});

test('a DAG task omitted after a failure, and a step skipped by its `when`, are skipped cases that say why', () => {
  const cases = workflowToSuite(
    workflow({ phase: 'Failed' }, [
      node('DAG', wf, 'Failed', 0, 5),
      node('Pod', `${wf}.inject`, 'Failed', 0, 5, failed(3)),
      node('Skipped', `${wf}.verify`, 'Omitted', 5, 5, { message: 'omitted: depends condition not met' }),
      node('Skipped', `${wf}.notify`, 'Skipped', 5, 5, { message: "when 'false' evaluated false" }),
    ]),
  ).cases;
  assert.deepEqual(
    cases.map((c) => [c.name, c.outcome, c.message]),
    [
      ['inject', 'fail', 'main: Error (exit code 3)'],
      ['verify', 'skipped', 'omitted: depends condition not met'],
      ['notify', 'skipped', "when 'false' evaluated false"],
    ],
  );
});

test('a step phase Argo does not have is an error the gate fails on, whatever its name', () => {
  // Read from the cluster: Argo's CRDs leave status unchecked, so any text may be a phase.
  for (const phase of ['constructor', '__proto__', 'toString', 'Unknown']) {
    const suite = liveWorkflowToSuite(
      workflow({ phase: 'Succeeded' }, [
        node('Steps', wf, 'Succeeded', 0, 5),
        node('Pod', `${wf}[0].pod-delete`, phase as NodePhase, 0, 5),
      ]),
    );
    const [steps] = suite.cases;
    assert.equal(steps?.outcome, 'error', phase);
    assert.equal(
      steps.message,
      `workflow litmus/chaos-x7k2q: field status.nodes["chaos-x7k2q[0].pod-delete"].phase: expected one of Pending, Running, Succeeded, Skipped, Failed, Error, Omitted, got text ("${phase}")`,
    );
    const lenient = { ...defaultPolicy, timeouts: 'skip' as const };
    assert.equal(evaluateGate({ suites: [suite] }, lenient).verdict, 'fail', phase);
  }
});
