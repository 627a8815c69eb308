// The permissions README.md documents for chaos-gate's own identity, as shipped in
// examples/rbac/chaos-gate-ci.yaml: a service account bound to exactly that file's namespaced roles,
// and nothing else, runs engines with their RBAC and experiments, a workflow, a stop after a timeout
// and a live report against the real API server, with every cleanup clean; one bound to its
// cluster-wide roles too runs a ClusterWorkflowTemplate and applies cluster RBAC. A rule taken out of
// the file fails one of them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test, before } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CoordinationV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { resolveConfig } from '../../src/config/load.ts';
import { exitCodeOf } from '../../src/run/outcome.ts';
import { runGate } from '../../src/run/run.ts';
import { runLeaseName } from '../../src/run/run-lock.ts';
import { stepAnnotations } from '../support/argo-controller.ts';
import { codeOf } from '../support/controllers.ts';
import { outcomeAnnotation } from '../support/fake-operator.ts';
import { repoRoot } from '../support/fixtures.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';
import { runEntry } from '../support/run-node.ts';
import {
  accountBoundTo,
  ciBoundRoles,
  ciClusterWide,
  ciRoles,
  createFixtureClusterTemplate,
  createFixtureTemplate,
  engineFile,
  exampleRbac,
  identityWithout,
  leftovers,
  uniqueName,
  useSandbox,
  workDir,
} from './helpers.ts';

const namespace = 'ci-perms';
const env = useSandbox(namespace, { stepMs: 300, argo: true });

/** The CI identity: the file's namespaced roles; and one with its cluster-wide roles too. */
let kubeconfig = '';
let clusterKubeconfig = '';
const podReader = uniqueName('pod-reader');

/** A run as the CI identity; a wait or cleanup that a missing permission holds up ends within a minute. */
const asCi = (args: string[], timeout = '60s', as = kubeconfig) =>
  env.run([...args, '--timeout', timeout, '--stop-timeout', '15s'], { kubeconfig: as }).done;

/** A ChaosExperiment as the `experiments` setting applies it (the stand-in operator reads none). */
function experimentFile(dir: string): string {
  const file = path.join(dir, 'experiment.yaml');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'litmuschaos.io/v1alpha1',
      kind: 'ChaosExperiment',
      metadata: { name: 'pod-delete' },
      spec: {
        definition: {
          scope: 'Namespaced',
          image: 'litmuschaos/go-runner:3.0.0',
          command: ['/bin/bash'],
          args: ['-c', './experiments -name pod-delete'],
        },
      },
    }),
  );
  return file;
}

/**
 * A RoleBinding to a ClusterRole, as experiments bound to Litmus's own ClusterRoles have: one whose
 * rules the CI identity does not hold (the sandbox has no controller that fills in the built-in `view`).
 */
function clusterRoleBinding(dir: string): string {
  const file = path.join(dir, 'cluster-role-binding.yaml');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'pod-delete-sa-cluster' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: podReader },
      subjects: [{ kind: 'ServiceAccount', name: 'pod-delete-sa' }],
    }),
  );
  return file;
}

/** The example workflow, its chaos step's engine told `outcome`, its load step told how to end. */
function workflowFile(dir: string, outcome: string, load: Record<string, string>): string {
  const workflow = parse(
    readFileSync(path.join(repoRoot, 'examples/argo/chaos-load-workflow.yaml'), 'utf8'),
  ) as {
    spec: {
      templates: {
        name: string;
        inputs?: { artifacts?: { raw?: { data?: string } }[] };
        metadata?: object;
      }[];
    };
  };
  for (const template of workflow.spec.templates) {
    const raw = template.inputs?.artifacts?.[0]?.raw;
    if (raw?.data) {
      const engine = parse(raw.data) as { metadata: { annotations?: Record<string, string> } };
      engine.metadata.annotations = { [outcomeAnnotation]: outcome };
      raw.data = stringify(engine);
    }
    if (template.name === 'load-test') template.metadata = { annotations: load };
  }
  const file = path.join(dir, 'workflow.yaml');
  writeFileSync(file, stringify(workflow));
  return file;
}

/**
 * Plays the fixture template's exit handler, whose `kubectl delete chaosengine` has no process here:
 * the engine its chaos step created would take the name from the next run of the template.
 */
async function runExitHandler(): Promise<void> {
  await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
    group: 'litmuschaos.io',
    version: 'v1alpha1',
    namespace,
    plural: 'chaosengines',
    name: 'nginx-pod-delete',
  });
}

/**
 * A run with a run id in this process, as the identity of `as`, renewing its lease every 100 ms rather
 * than every 20 s (the CLI takes no such setting); and the renewTimes the lease showed while it ran.
 */
async function runRenewingItsLock(as: string) {
  const runId = uniqueName('ci-renew');
  const coordination = env.sandbox.kc.makeApiClient(CoordinationV1Api);
  const renewTimes = new Set<string>();
  let running = true;
  const watching = (async () => {
    while (running) {
      const lease = await coordination
        .readNamespacedLease({ namespace, name: runLeaseName(runId) })
        .catch(() => undefined);
      if (lease?.spec?.renewTime) renewTimes.add(String(lease.spec.renewTime));
      await sleep(50);
    }
  })();
  const lines: string[] = [];
  try {
    const outcome = await runGate(
      resolveConfig({
        engines: [engineFile(workDir(), uniqueName('ci-renew'), 'pass', namespace)],
        namespace,
        runId,
        timeout: 60_000,
        stopTimeout: 15_000,
      }),
      {
        log: (line) => lines.push(line),
        signal: new AbortController().signal,
        kubeconfigContent: readFileSync(as, 'utf8'),
        leaseRenewMs: 100,
      },
    );
    return { code: exitCodeOf(outcome), log: lines.join('\n'), renewTimes };
  } finally {
    running = false;
    await watching;
  }
}

/** What a run as the CI identity must never say: a permission it lacked shows as a warning at worst. */
function cleanRun(run: { code: number | null; stdout: string; stderr: string }, code: number): void {
  assert.equal(run.code, code, run.stdout + run.stderr);
  assert.doesNotMatch(run.stdout + run.stderr, /WARNING|forbidden|HTTP 403/, 'no permission was missing');
}

describe('chaos-gate as a service account bound to examples/rbac/chaos-gate-ci.yaml alone', () => {
  /**
   * Kubeconfigs for fresh service accounts bound, in the test namespace, to the file's namespaced
   * ClusterRoles, and one bound cluster-wide to its cluster-wide ones too.
   */
  before(async () => {
    const admin = KubernetesObjectApi.makeApiClient(env.sandbox.kc);
    for (const role of ciRoles) await admin.create(role as KubernetesObject);
    await env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api).createClusterRole({
      body: {
        metadata: { name: podReader },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
      },
    });
    const bound = (cluster: boolean) =>
      ciBoundRoles(cluster).map(({ role, clusterWide }) => ({
        name: role.metadata?.name ?? '',
        clusterWide,
      }));
    kubeconfig = await accountBoundTo(env.sandbox, namespace, uniqueName('chaos-gate-ci'), bound(false));
    clusterKubeconfig = await accountBoundTo(
      env.sandbox,
      namespace,
      uniqueName('chaos-gate-ci-cluster'),
      bound(true),
    );
  });

  test('the file grants no wildcard and nothing chaos-gate does not use', () => {
    for (const name of ciClusterWide)
      assert.ok(
        ciRoles.some((role) => role.metadata?.name === name),
        `${name} is in the file`,
      );
    const used = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
    const rbacRoles = (rule: { resources?: string[] }) =>
      rule.resources?.every((r) => r === 'roles' || r === 'clusterroles');
    for (const role of ciRoles) {
      assert.equal(role.kind, 'ClusterRole');
      assert.equal(role.aggregationRule, undefined);
      for (const rule of role.rules ?? []) {
        const all = [...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...rule.verbs];
        assert.ok(!all.includes('*'), `no wildcard: ${JSON.stringify(rule)}`);
        assert.equal(rule.nonResourceURLs, undefined, 'discovery is every authenticated user’s already');
        assert.ok(
          !rule.resources?.some((r) => /^(secrets|pods|namespaces|customresourcedefinitions)/.test(r)),
        );
        for (const verb of rule.verbs)
          assert.ok(
            used.has(verb) || ((verb === 'escalate' || verb === 'bind') && rbacRoles(rule)),
            `${verb} on ${rule.resources?.join()}`,
          );
      }
    }
  });

  test('run applies RBAC (a binding to a ClusterRole too), an experiment and an engine, passes and cleans up everything', async () => {
    const dir = workDir();
    const name = uniqueName('ci-engine');
    const run = await asCi([
      '--rbac',
      exampleRbac,
      '--rbac',
      clusterRoleBinding(dir),
      '--experiment',
      experimentFile(dir),
      '--engine',
      engineFile(dir, name, 'pass', namespace),
      '--run-id',
      uniqueName('ci-run'),
    ]);
    cleanRun(run, 0);
    assert.match(
      run.stdout,
      new RegExp(
        `cleanup: removed 7 object\\(s\\): ChaosEngine ${namespace}/${name}, ChaosExperiment ${namespace}/pod-delete, RoleBinding ${namespace}/pod-delete-sa-cluster, RoleBinding ${namespace}/pod-delete-sa, Role ${namespace}/pod-delete-sa, ServiceAccount ${namespace}/pod-delete-sa, ChaosResult ${namespace}/${name}-pod-delete\\n`,
      ),
    );
    const left = await leftovers(env.sandbox.kc, namespace);
    assert.deepEqual(left.engines, []);
    assert.deepEqual(left.results, []);
    assert.ok(!left.roles.includes('pod-delete-sa') && !left.roleBindings.includes('pod-delete-sa'));
  });

  test('run of a WorkflowTemplate passes with the engine its chaos step created, and deletes its workflow', async () => {
    const template = await createFixtureTemplate(env.sandbox.kc, namespace, uniqueName('chaos-load'));
    const dir = workDir();
    const junit = path.join(dir, 'junit.xml');
    const run = await asCi([
      '--workflow-template',
      template,
      '--parameter',
      `adminModeNamespace=${namespace}`,
      '--run-id',
      uniqueName('ci-wf'),
      '--junit',
      junit,
    ]);
    cleanRun(run, 0);
    assert.match(
      run.stdout,
      new RegExp(`cleanup: removed 1 object\\(s\\): Workflow ${namespace}/chaos-load-`),
    );
    // Read through the engines' list: without it the workflow's chaos would be missing, not refused.
    assert.match(
      await readCheckedJUnit(junit),
      new RegExp(`<testcase classname="${namespace}/nginx-pod-delete" name="pod-delete"`),
    );
    await runExitHandler();
  });

  test('with chaos-gate-ci-cluster, run of a ClusterWorkflowTemplate passes through the real controller', async () => {
    const template = await createFixtureClusterTemplate(env.sandbox.kc, uniqueName('chaos-load'));
    const junit = path.join(workDir(), 'junit.xml');
    const run = await asCi(
      [
        '--cluster-workflow-template',
        template,
        '--parameter',
        `adminModeNamespace=${namespace}`,
        '--run-id',
        uniqueName('ci-cwf'),
        '--junit',
        junit,
      ],
      '60s',
      clusterKubeconfig,
    );
    cleanRun(run, 0);
    assert.match(
      run.stdout,
      new RegExp(`cleanup: removed 1 object\\(s\\): Workflow ${namespace}/${template}-`),
    );
    assert.match(
      await readCheckedJUnit(junit),
      new RegExp(`<testcase classname="${namespace}/nginx-pod-delete" name="pod-delete"`),
    );
    await runExitHandler();
  });

  test('with chaos-gate-ci-cluster-rbac and allowClusterScoped, run applies a ClusterRole and a ClusterRoleBinding, then deletes them', async () => {
    const dir = workDir();
    const name = uniqueName('ci-cluster-rbac');
    const nodeReader = uniqueName('node-reader');
    const file = path.join(dir, 'cluster-rbac.yaml');
    // As node chaos experiments have: rules the CI identity does not hold, bound to the experiment's account.
    writeFileSync(
      file,
      [
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: { name: nodeReader },
          rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }],
        },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: nodeReader },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: nodeReader },
          subjects: [{ kind: 'ServiceAccount', name: 'pod-delete-sa', namespace }],
        },
      ]
        .map((doc) => stringify(doc))
        .join('---\n'),
    );
    const run = await asCi(
      [
        '--allow-cluster-scoped',
        '--rbac',
        file,
        '--engine',
        engineFile(dir, name, 'pass', namespace),
        '--run-id',
        uniqueName('ci-cluster-run'),
      ],
      '60s',
      clusterKubeconfig,
    );
    cleanRun(run, 0);
    assert.match(
      run.stdout,
      new RegExp(
        `cleanup: removed 4 object\\(s\\): ChaosEngine ${namespace}/${name}, ClusterRoleBinding ${nodeReader}, ClusterRole ${nodeReader}, ChaosResult ${namespace}/${name}-pod-delete\\n`,
      ),
    );
    const rbac = env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
    const gone = (reading: Promise<unknown>) =>
      reading.then(
        () => false,
        (error: unknown) => codeOf(error) === 404,
      );
    assert.ok(await gone(rbac.readClusterRole({ name: nodeReader })), 'the ClusterRole is deleted');
    assert.ok(
      await gone(rbac.readClusterRoleBinding({ name: nodeReader })),
      'the ClusterRoleBinding is deleted',
    );
  });

  test('a timeout stops the engine and the workflow, confirms both, then cleans up', async () => {
    const dir = workDir();
    const name = uniqueName('ci-endless');
    const run = await asCi(
      [
        '--engine',
        engineFile(dir, name, 'never', namespace),
        '--workflow',
        workflowFile(dir, 'never', { [stepAnnotations.run]: 'never' }),
        '--run-id',
        uniqueName('ci-timeout'),
      ],
      '5s',
    );
    cleanRun(run, 1);
    assert.match(run.stdout, new RegExp(`stopped ChaosEngine ${namespace}/${name}\\n`));
    assert.match(run.stdout, new RegExp(`workflow ${namespace}/chaos-load-[a-z0-9]+: shutdown Stop`));
    assert.doesNotMatch(run.stdout + run.stderr, /chaos may still be running/);
    assert.match(
      run.stdout,
      new RegExp(`cleanup: removed \\d+ object\\(s\\): ChaosEngine ${namespace}/${name}, Workflow`),
    );
  });

  test('a workflow run whose identity cannot list ChaosEngines does not pass: the chaos its steps created is an error, not left out', async () => {
    const dir = workDir();
    const limited = await identityWithout(env.sandbox, namespace, { chaosengines: ['list', 'watch'] });
    const run = await env.run(['--workflow', workflowFile(dir, 'fail-probe', {}), '--timeout', '60s'], {
      kubeconfig: limited,
    }).done;
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /› chaos verdicts errored: the chaos its steps created could not be read: .* cannot list resource "chaosengines" in API group "litmuschaos.io" in the namespace "ci-perms" \(HTTP 403\)/,
    );
  });

  test('without bind, a binding to a Role the run creates is refused in preflight saying bind is missing', async () => {
    const limited = await identityWithout(env.sandbox, namespace, { roles: ['bind'] });
    const run = await env.run(
      ['--rbac', exampleRbac, '--engine', engineFile(workDir(), uniqueName('ci-bind'), 'pass', namespace)],
      {
        kubeconfig: limited,
      },
    ).done;
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /RoleBinding pod-delete-sa\): rejected by the server: .*\(HTTP 404\)\n {2}Kubernetes reads the Role pod-delete-sa this binds to check that chaos-gate's identity holds everything it grants, and it does not exist yet: allow `bind` on roles/,
    );
    assert.match(run.stderr, /nothing was applied/);
  });

  test('a run that outlives a renewal of its run-id lock renews it', async () => {
    const run = await runRenewingItsLock(kubeconfig);
    cleanRun({ code: run.code, stdout: run.log, stderr: '' }, 0);
    assert.ok(run.renewTimes.size >= 2, `the lease was renewed: ${[...run.renewTimes].join(', ')}`);
  });

  test('without update on leases, the run goes on and warns that it cannot renew its lock', async () => {
    const run = await runRenewingItsLock(
      await identityWithout(env.sandbox, namespace, { leases: ['update'] }),
    );
    assert.equal(run.code, 0, run.log);
    assert.match(
      run.log,
      /WARNING: renewing Lease ci-perms\/chaos-gate-run-ci-renew-[\d-]+: .* cannot update resource "leases" in API group "coordination.k8s.io" in the namespace "ci-perms" \(HTTP 403\); .* allow update on leases \(coordination.k8s.io\) in ci-perms to renew it/,
    );
    assert.equal(run.renewTimes.size, 1, 'never renewed');
  });

  test('report --namespace --selector reads the live engines and results, a result by name too', async () => {
    const dir = workDir();
    const name = uniqueName('ci-kept');
    const runId = uniqueName('ci-kept-run');
    const kept = await asCi([
      '--engine',
      engineFile(dir, name, 'pass', namespace),
      '--run-id',
      runId,
      '--cleanup',
      'never',
    ]);
    cleanRun(kept, 0);
    const report = (...more: string[]) =>
      runEntry('dist/cli.js', [
        'report',
        '--kubeconfig',
        kubeconfig,
        '--namespace',
        namespace,
        '--selector',
        `chaos-gate.io/run=${runId}`,
        ...more,
      ]).done;
    cleanRun(await report(), 0);
    // A result another run left under the name: listed by chaosUID it is missing, so it is read by name.
    await env.sandbox.kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObject(
      {
        group: 'litmuschaos.io',
        version: 'v1alpha1',
        namespace,
        plural: 'chaosresults',
        name: `${name}-pod-delete`,
        body: { metadata: { labels: { chaosUID: 'uid-of-a-previous-run' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const reused = await report();
    cleanRun(reused, 2);
    assert.match(reused.stderr, /belongs to another run \(chaosUID uid-of-a-previous-run/);
  });
});
