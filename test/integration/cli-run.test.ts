// `chaos-gate run` through the built CLI against a real kube-apiserver, with the test playing the
// Litmus env.operator.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  AuthenticationV1Api,
  CustomObjectsApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { apiClient, connect } from '../../src/kube/client.ts';
import { loadKubeContext } from '../../src/kube/context.ts';
import { startConnectProxy, startSocksProxy } from '../support/tunnel-proxies.ts';
import { fixturePath } from '../support/fixtures.ts';
import { holdingProxy } from '../support/holding-proxy.ts';
import { reportPipes, signalWhileWriting } from '../support/report-pipes.ts';
import { runEntry } from '../support/run-node.ts';
import { startSandbox, type Sandbox } from '../support/sandbox.ts';
import type { Outcome } from '../support/fake-operator.ts';
import {
  engineFile,
  exampleRbac,
  identityWithout,
  leftovers,
  uniqueName,
  useSandbox,
  workDir,
} from './helpers.ts';
import { readCheckedJUnit } from '../support/junit-readers.ts';

const namespace = 'shop';
const env = useSandbox(namespace);

/** A run whose engine and results stay in the namespace, labelled with its run id, for `report` to read. */
async function keptRun(prefix: string, outcome: Outcome) {
  const dir = workDir();
  const name = uniqueName(prefix);
  const runId = uniqueName(`${prefix}-run`);
  const run = await env.run([
    '--engine',
    engineFile(dir, name, outcome),
    '--run-id',
    runId,
    '--cleanup',
    'never',
  ]).done;
  return { dir, name, runId, run };
}

const reportSelected = (selector: string, ...more: string[]) =>
  runEntry('dist/cli.js', [
    'report',
    '--kubeconfig',
    env.sandbox.kubeconfigPath,
    '--namespace',
    namespace,
    '--selector',
    selector,
    ...more,
  ]).done;

describe('chaos-gate run on a real API server', () => {
  test('a passing experiment passes the gate, writes JUnit and JSON, and cleans up everything', async () => {
    const dir = workDir();
    const name = uniqueName('pass');
    const junit = path.join(dir, 'junit.xml');
    const json = path.join(dir, 'report.json');
    const run = await env.run([
      '--rbac',
      exampleRbac,
      '--engine',
      engineFile(dir, name, 'pass'),
      '--junit',
      junit,
      '--json',
      json,
      '--timeout',
      '60s',
    ]).done;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    // Before anything is applied, the log says where it goes.
    assert.ok(
      run.stdout.includes(
        `preflight of 4 object(s) on context sandbox (${env.sandbox.server}), namespace shop`,
      ),
      run.stdout,
    );
    assert.match(run.stdout, /applied ServiceAccount shop\/pod-delete-sa[\s\S]*applied ChaosEngine shop\//);
    assert.match(run.stdout, /gate PASSED \(3 passed, 0 failed, 0 errored, 0 skipped\)/);
    assert.match(
      run.stdout,
      new RegExp(
        `cleanup: removed 5 object\\(s\\): ChaosEngine shop/${name}, RoleBinding shop/pod-delete-sa, Role shop/pod-delete-sa, ServiceAccount shop/pod-delete-sa, ChaosResult shop/${name}-pod-delete`,
      ),
      'cleanup says what it really removed',
    );
    const xml = await readCheckedJUnit(junit);
    assert.match(xml, new RegExp(`<testsuite name="shop/${name}"`));
    assert.match(xml, /<testcase classname="shop\/[^"]+" name="pod-delete"/);
    assert.doesNotMatch(xml, /<failure/);
    assert.equal((JSON.parse(readFileSync(json, 'utf8')) as { verdict: string }).verdict, 'pass');
    assert.deepEqual(await leftovers(env.sandbox.kc, namespace), {
      engines: [],
      results: [],
      serviceAccounts: [],
      roles: [],
      roleBindings: [],
    });
  });

  test('a load command runs beside the chaos: baseline first, output in the log, a load testsuite', async () => {
    const dir = workDir();
    const name = uniqueName('load');
    const junit = path.join(dir, 'junit.xml');
    const config = path.join(dir, 'chaos-gate.yaml');
    writeFileSync(
      config,
      [
        `engines: [${engineFile(dir, name, 'pass')}]`,
        'load:',
        `  command: "echo load started; sleep 4; echo load finished"`,
        '  leadTime: 1s',
        '  tail: 1s',
        '  stop: wait',
      ].join('\n'),
    );
    const run = await env.run(['--config', config, '--junit', junit]).done;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const started = run.stdout.indexOf('[load] load started');
    const applied = run.stdout.indexOf(`applied ChaosEngine shop/${name}`);
    assert.ok(started >= 0 && applied > started, 'the load starts before the chaos');
    assert.ok(run.stdout.indexOf('[load] load finished') > applied, 'and is still running through it');
    assert.match(
      await readCheckedJUnit(junit),
      /<testsuite name="load"[\s\S]*name="echo load started; sleep 4; echo load finished"/,
    );
  });

  test('report --namespace --selector converts live results without applying anything', async () => {
    const { dir, name, runId, run } = await keptRun('live', 'fail-probe');
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const junit = path.join(dir, 'live.xml');
    const report = await reportSelected(`chaos-gate.io/run=${runId}`, '--junit', junit);
    assert.equal(report.code, 1, report.stdout + report.stderr);
    assert.match(
      await readCheckedJUnit(junit),
      new RegExp(`<testsuite name="shop/${name}"[^>]*tests="3" failures="2"`),
    );
    const none = await reportSelected('chaos-gate.io/run=nothing');
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /no ChaosEngine in namespace shop matches the selector "chaos-gate.io\/run=nothing"/,
    );
  });

  test('report --selector names the result another run left under the name its experiment writes', async () => {
    const { name, runId, run } = await keptRun('reused', 'pass');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const results = env.sandbox.kc.makeApiClient(CustomObjectsApi);
    const result = {
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural: 'chaosresults',
      name: `${name}-pod-delete`,
    };
    // What an engine of the same name, deleted and applied again, finds under its result's name.
    await results.patchNamespacedCustomObject(
      { ...result, body: { metadata: { labels: { chaosUID: 'uid-of-a-previous-run' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const reused = await reportSelected(`chaos-gate.io/run=${runId}`);
    assert.equal(reused.code, 2, reused.stdout + reused.stderr);
    assert.match(
      reused.stderr,
      new RegExp(
        `no ChaosResult of this run: the ChaosResult ${name}-pod-delete found belongs to another run \\(chaosUID uid-of-a-previous-run, not the engine's UID [0-9a-f-]{36}\\)`,
      ),
    );
    await results.deleteNamespacedCustomObject(result);
    const none = await reportSelected(`chaos-gate.io/run=${runId}`);
    assert.equal(none.code, 2, none.stdout + none.stderr);
    assert.match(none.stderr, new RegExp(`no ChaosResult ${name}-pod-delete was written for this run\\n`));
  });

  test('an engine applied again under its old name: its case starts with this run, not with the ChaosResult an earlier run left', async () => {
    const { dir, name, run: first } = await keptRun('again', 'pass');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    // The engine goes, its ChaosResult stays (as a workflow's `kubectl delete chaosengine` leaves it):
    // the next run of that name finds it, and Litmus writes its verdict into the same object.
    const engines = env.sandbox.kc.makeApiClient(CustomObjectsApi);
    await engines.deleteNamespacedCustomObject({
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural: 'chaosengines',
      name,
    });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    // Kubernetes times are whole seconds.
    const secondStart = Math.floor(Date.now() / 1000) * 1000;
    const json = path.join(dir, 'again.json');
    const second = await env.run(['--engine', path.join(dir, `${name}.yaml`), '--json', json]).done;
    const secondSeconds = (Date.now() - secondStart) / 1000;
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      suites: {
        name: string;
        timestamp?: string;
        cases: { name: string; startedAt?: string; durationSeconds?: number; properties: object }[];
      }[];
    };
    const suite = report.suites.find((s) => s.name === `${namespace}/${name}`);
    const experiment = suite?.cases.find((c) => c.name === 'pod-delete');
    assert.ok(experiment, JSON.stringify(report));
    assert.equal(
      (experiment.properties as { chaosResult?: string }).chaosResult,
      `${name}-pod-delete`,
      'the verdict is read from the reused ChaosResult',
    );
    for (const [what, time] of [
      ['the suite timestamp', suite?.timestamp],
      ['the case startedAt', experiment.startedAt],
    ])
      assert.ok(Date.parse(time ?? '') >= secondStart, `${what} ${time} is before this run began`);
    assert.ok(
      (experiment.durationSeconds ?? Infinity) <= secondSeconds,
      `the case lasted ${experiment.durationSeconds}s, the run ${secondSeconds}s`,
    );
  });

  test('a user whose credentials come from a plugin: the run passes, asking the plugin again as they expire', async () => {
    const dir = workDir();
    const kubeconfig = parse(readFileSync(env.sandbox.kubeconfigPath, 'utf8')) as {
      users: { user: { token?: string; exec?: unknown } }[];
    };
    const [admin] = kubeconfig.users;
    assert.ok(admin?.user.token);
    // What `aws eks get-token` does, with a token that expires after a second, not fifteen minutes.
    const plugin = path.join(dir, 'get-token.sh');
    const expiry = `'$(date -u -d '+1 second' +%Y-%m-%dT%H:%M:%S.%3NZ)'`;
    const credential = `{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${admin.user.token}","expirationTimestamp":"${expiry}"}}`;
    writeFileSync(plugin, `#!/bin/sh\necho run >> "${dir}/calls"\nprintf '%s' '${credential}'\n`, {
      mode: 0o755,
    });
    admin.user = {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' },
    };
    const file = path.join(dir, 'kubeconfig');
    writeFileSync(file, stringify(kubeconfig));
    // A load baseline of 2 s between the preflight and the apply: the first token has expired by then.
    const config = path.join(dir, 'chaos-gate.yaml');
    writeFileSync(
      config,
      [
        `engines: [${engineFile(dir, uniqueName('exec'), 'pass')}]`,
        'load: { command: "sleep 3", leadTime: 2s, tail: 1s, stop: wait }',
      ].join('\n'),
    );
    const run = await env.run(['--config', config], { kubeconfig: file }).done;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const calls = readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n').length;
    assert.ok(calls >= 2, `the plugin was asked again once its token expired (${calls} runs)`);
  });

  test('a cluster reached only through HTTPS_PROXY: the run goes through the proxy, and NO_PROXY is followed', async (t) => {
    // The serving certificate's own name, which resolves nowhere here but at the proxy.
    const proxy = await startConnectProxy({ 'kubernetes.default.svc': '127.0.0.1' });
    t.after(() => proxy.close());
    const dir = workDir();
    const kubeconfig = path.join(dir, 'kubeconfig');
    const server = new URL(env.sandbox.server);
    writeFileSync(
      kubeconfig,
      readFileSync(env.sandbox.kubeconfigPath, 'utf8').replace(
        server.origin,
        `https://kubernetes.default.svc:${server.port}`,
      ),
    );
    const proxied = await env.run(['--engine', engineFile(dir, uniqueName('proxied'), 'pass')], {
      kubeconfig,
      env: { HTTPS_PROXY: proxy.url },
    }).done;
    assert.equal(proxied.code, 0, proxied.stdout + proxied.stderr);
    assert.ok(proxy.tunnels.length > 0, 'the requests and watches went through the proxy');
    assert.deepEqual(new Set(proxy.tunnels), new Set([`kubernetes.default.svc:${server.port}`]));
    const tunnels = proxy.tunnels.length;
    const direct = await env.run(['--engine', engineFile(dir, uniqueName('direct'), 'pass')], {
      kubeconfig,
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: '.svc' },
    }).done;
    assert.equal(direct.code, 2, direct.stdout + direct.stderr);
    assert.match(
      direct.stderr,
      /cannot reach the Kubernetes API server: .*getaddrinfo ENOTFOUND kubernetes\.default\.svc/,
    );
    assert.equal(proxy.tunnels.length, tunnels, 'NO_PROXY kept it off the proxy');
  });

  test("a cluster given by IP address behind a kubeconfig's SOCKS proxy-url (kubernetes.io's set-up): the run goes through it", async (t) => {
    const proxy = await startSocksProxy();
    t.after(() => proxy.close());
    const dir = workDir();
    const kubeconfig = path.join(dir, 'kubeconfig');
    const server = new URL(env.sandbox.server);
    assert.equal(server.hostname, '127.0.0.1');
    writeFileSync(
      kubeconfig,
      readFileSync(env.sandbox.kubeconfigPath, 'utf8').replace(
        `    server: ${server.origin}\n`,
        `    server: ${server.origin}\n    proxy-url: ${proxy.url}\n`,
      ),
    );
    assert.match(readFileSync(kubeconfig, 'utf8'), /proxy-url: socks5:/);
    const run = await env.run(['--engine', engineFile(dir, uniqueName('socks'), 'pass')], { kubeconfig })
      .done;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stderr, /DEP0123|Warning/);
    assert.ok(proxy.tunnels.length > 0, 'the requests and watches went through the proxy');
    assert.deepEqual(new Set(proxy.tunnels), new Set([`127.0.0.1:${server.port}`]));
  });

  test("a cluster whose CA the kubeconfig does not give, trusted by the system (SSL_CERT_FILE): the run passes, as kubectl's does", async () => {
    const dir = workDir();
    const kubeconfig = path.join(dir, 'kubeconfig');
    const withoutCa = readFileSync(env.sandbox.kubeconfigPath, 'utf8').replace(
      /^\s*certificate-authority-data: .*\n/m,
      '',
    );
    assert.doesNotMatch(withoutCa, /certificate-authority/);
    writeFileSync(kubeconfig, withoutCa);
    // What a company CA installed on the agent looks like to OpenSSL, Go and now Node.
    const companyCa = path.join(dir, 'company-ca.pem');
    writeFileSync(companyCa, env.sandbox.caPem);
    const trusted = await env.run(['--engine', engineFile(dir, uniqueName('system-ca'), 'pass')], {
      kubeconfig,
      env: { SSL_CERT_FILE: companyCa },
    }).done;
    assert.equal(trusted.code, 0, trusted.stdout + trusted.stderr);
    const untrusted = await env.run(['--engine', engineFile(dir, uniqueName('no-ca'), 'pass')], {
      kubeconfig,
    }).done;
    assert.equal(untrusted.code, 2, untrusted.stdout + untrusted.stderr);
    assert.match(untrusted.stderr, /cannot reach the Kubernetes API server: .*certificate/);
  });

  test('a failed verdict fails the gate with exit code 1', async () => {
    const dir = workDir();
    const run = await env.run([
      '--rbac',
      exampleRbac,
      '--engine',
      engineFile(dir, uniqueName('fail'), 'fail'),
      '--timeout',
      '60s',
    ]).done;
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /gate FAILED/);
    assert.match(run.stdout, /experiment shop\/fail-[^ ]+ › pod-delete failed/);
  });

  test('a failed probe fails the gate and the JUnit failure carries the probe description', async () => {
    const dir = workDir();
    const junit = path.join(dir, 'junit.xml');
    const run = await env.run([
      '--rbac',
      exampleRbac,
      '--engine',
      engineFile(dir, uniqueName('probe'), 'fail-probe'),
      '--junit',
      junit,
    ]).done;
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const xml = await readCheckedJUnit(junit);
    assert.match(
      xml,
      /name="pod-delete \/ probe checkout-responds"[\s\S]*?<failure[^>]*message="Actual value: 503\. Expected value: should be equal to 200"/,
    );
  });

  test('an experiment that never finishes times out, is stopped, and is reported as an error', async () => {
    const dir = workDir();
    const name = uniqueName('hang');
    const junit = path.join(dir, 'junit.xml');
    const run = await env.run([
      '--engine',
      engineFile(dir, name, 'never'),
      '--timeout',
      '4s',
      '--junit',
      junit,
      '--cleanup',
      'never',
    ]).done;
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /timeout: stopping the chaos/);
    assert.ok(env.operator.aborted.has(name), 'the engine was patched engineState: stop');
    assert.match(
      await readCheckedJUnit(junit),
      /name="pod-delete"[^>]*>[\s\S]*?<error message="still Awaited \(phase Running\) when the wait timed out"/,
    );
    assert.ok(
      (await leftovers(env.sandbox.kc, namespace)).engines.includes(name),
      'cleanup never keeps the engine',
    );
  });

  test('SIGTERM stops the chaos, cleans up and exits 143', async () => {
    const dir = workDir();
    const name = uniqueName('cancel');
    let signalled = false;
    const started = env.run(['--engine', engineFile(dir, name, 'never')], {
      onStdout: (text) => {
        if (!signalled && text.includes(`[chaos] shop/${name} pod-delete: Running`)) {
          signalled = true;
          started.kill('SIGTERM');
        }
      },
    });
    const run = await started.done;
    assert.equal(run.code, 143, run.stdout + run.stderr);
    assert.ok(env.operator.aborted.has(name), 'the engine was stopped before exit');
    assert.ok(
      !(await leftovers(env.sandbox.kc, namespace)).engines.includes(name),
      'and deleted (cleanup always)',
    );
  });

  test('SIGTERM when the report cannot be written: still a cancel, 143, that names the report, and the run cleans up', async () => {
    const dir = workDir();
    const name = uniqueName('cancel-unwritten');
    const json = path.join(dir, 'report.json');
    let signalled = false;
    const started = env.run(['--engine', engineFile(dir, name, 'never'), '--json', json], {
      onStdout: (text) => {
        if (!signalled && text.includes(`[chaos] shop/${name} pod-delete: Running`)) {
          signalled = true;
          mkdirSync(json); // the disk turns against the report: its path is now a folder
          started.kill('SIGTERM');
        }
      },
    });
    const run = await started.done;
    assert.equal(run.code, 143, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /^chaos-gate: cancelled by SIGTERM; \S*report\.json: cannot write the report: /m,
    );
    assert.ok(env.operator.aborted.has(name), 'the engine was stopped before exit');
    assert.ok(!(await leftovers(env.sandbox.kc, namespace)).engines.includes(name), 'and deleted');
  });

  test('SIGTERM while the reports are written, one of which then cannot be: still a cancel, 143, that names the report', async () => {
    const dir = workDir();
    const name = uniqueName('cancel-writing');
    const pipes = reportPipes(dir);
    const started = env.run([
      ...['--engine', engineFile(dir, name, 'pass'), '--junit', pipes.junit, '--json', pipes.json],
      ...['--summary', pipes.summary],
    ]);
    await signalWhileWriting(started, pipes);
    const run = await started.done;
    assert.equal(run.code, 143, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /^chaos-gate: cancelled by SIGTERM; \S*summary\.md: cannot write the report: ENOSPC/m,
    );
    assert.ok(!(await leftovers(env.sandbox.kc, namespace)).engines.includes(name), 'cleaned up');
  });

  test('SIGTERM while preflight checks the run id: the cancel alone, no warning of the check it cut short', async (t) => {
    const dir = workDir();
    const runId = uniqueName('cancelled-check');
    const held = { cancel: () => {} };
    // Preflight lists what its run id labels once it holds the lease: held there, the run is cancelled.
    const proxy = await holdingProxy(
      env.sandbox,
      (request) => {
        const url = new URL(request.url ?? '', 'http://held');
        return (
          url.pathname === `/apis/litmuschaos.io/v1alpha1/namespaces/${namespace}/chaosengines` &&
          url.searchParams.get('labelSelector') === `chaos-gate.io/run=${runId}`
        );
      },
      () => held.cancel(),
    );
    t.after(() => proxy.close());
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, proxy.kubeconfig(namespace));
    const run = env.run(
      ['--engine', engineFile(dir, uniqueName('cancelled-check'), 'pass'), '--run-id', runId],
      { kubeconfig },
    );
    held.cancel = () => run.kill('SIGTERM');
    const result = await run.done;
    assert.equal(result.code, 143, result.stdout + result.stderr);
    // Before, the listing the cancel ended was also a warning, under the cancel: "not checked whether
    // another run … still runs chaos: … cannot reach the Kubernetes API server: cancelled by SIGTERM".
    assert.deepEqual(result.stderr.trimEnd().split('\n'), [
      'chaos-gate: received SIGTERM: stopping the chaos and cleaning up',
      'chaos-gate: cancelled by SIGTERM before any chaos started',
    ]);
    assert.doesNotMatch(result.stdout, /WARNING/);
  });

  test('an engine the CRD schema would reject is refused offline, by validate and by run, naming the field', async () => {
    const legacy = fixturePath('litmus/engines/legacy-2x-int-timeouts.yaml');
    const before = await leftovers(env.sandbox.kc, namespace);
    const field =
      /legacy-2x-int-timeouts\.yaml, document 1 \(ChaosEngine [^)]+\): field spec\.experiments\[0\]\.spec\.probe\[0\]\.runProperties\.probeTimeout: expected text such as "5s" \(Litmus 3 refuses numbers here\), got a number \(5\)$/m;
    const validate = await runEntry('dist/cli.js', ['validate', '--engine', legacy]).done;
    assert.equal(validate.code, 2, validate.stdout + validate.stderr);
    assert.match(validate.stderr, field);
    const run = await env.run(['--engine', legacy, '--allow-namespace', 'default']).done;
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, field);
    assert.deepEqual(await leftovers(env.sandbox.kc, namespace), before);
  });

  test('a manifest the server rejects is caught in preflight and nothing is applied', async () => {
    const dir = workDir();
    const role = path.join(dir, 'role.yaml');
    // A Role rule without verbs: only the server's validation says so.
    writeFileSync(
      role,
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: no-verbs\nrules:\n  - apiGroups: [""]\n    resources: [pods]\n',
    );
    const before = await leftovers(env.sandbox.kc, namespace);
    const run = await env.run([
      '--rbac',
      exampleRbac,
      '--rbac',
      role,
      '--engine',
      engineFile(dir, uniqueName('preflight'), 'pass'),
    ]).done;
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /preflight failed, nothing was applied/);
    assert.match(
      run.stderr,
      /role\.yaml, document 1 \(Role no-verbs\): rejected by the server: .*rules\[0\]\.verbs: Required value/,
    );
    assert.deepEqual(await leftovers(env.sandbox.kc, namespace), before);
  });

  test('a token bound to too little: exit 2 naming the verb and the resource, nothing applied', async () => {
    const dir = workDir();
    const token = await env.sandbox.mintToken(namespace, 'ci-readonly');
    const rbac = env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace,
      body: {
        metadata: { name: 'ci-readonly' },
        rules: [
          {
            apiGroups: ['litmuschaos.io'],
            resources: ['chaosengines', 'chaosresults'],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'ci-readonly' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'ci-readonly' },
        subjects: [{ kind: 'ServiceAccount', name: 'ci-readonly', namespace }],
      },
    });
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, env.sandbox.kubeconfigFor(token, 'ci-readonly'));
    const engine = engineFile(dir, uniqueName('forbidden'), 'pass');
    const run = await env.run(['--engine', engine], { kubeconfig }).done;
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /cannot patch resource "chaosengines" in API group "litmuschaos.io" in the namespace "shop"/,
    );
    assert.match(run.stderr, /HTTP 403/);
  });

  test('a run that fails once its chaos started: exit 2, and under the error the warnings it raised on the way', async () => {
    const dir = workDir();
    const runId = uniqueName('fails-late');
    // The shipped roles without leases (the run id is not locked), without watching results (the
    // wait fails once the engine is applied) and without deleting them (the cleanup after it warns).
    const kubeconfig = await identityWithout(env.sandbox, namespace, {
      leases: ['get', 'create', 'update', 'delete'],
      chaosresults: ['watch', 'deletecollection'],
    });
    const engine = engineFile(dir, uniqueName('fails-late'), 'pass');
    const run = await env.run(['--engine', engine, '--rbac', exampleRbac, '--run-id', runId], {
      kubeconfig,
    }).done;
    assert.equal(run.code, 2, run.stdout + run.stderr);
    const lines = run.stderr.trimEnd().split('\n');
    assert.match(
      lines[0] ?? '',
      /^chaos-gate: error: watching ChaosEngines and ChaosResults: .*cannot watch resource "chaosresults"/,
    );
    // Each once, in the order raised, as a verdict's are beside it.
    const warnings = [
      `chaos-gate: WARNING: run id ${runId} not locked in namespace ${namespace}: taking Lease chaos-gate-run-${runId}: `,
      `chaos-gate: WARNING: cleanup: deleting ChaosResults in ${namespace}: `,
    ];
    assert.equal(lines.length, 1 + warnings.length, run.stderr);
    warnings.forEach((warning, i) => assert.ok(lines[i + 1]?.startsWith(warning), run.stderr));
    await env.sandbox.kc.makeApiClient(CustomObjectsApi).deleteCollectionNamespacedCustomObject({
      group: 'litmuschaos.io',
      version: 'v1alpha1',
      namespace,
      plural: 'chaosresults',
    });
  });
});

describe('a kubeconfig user that impersonates', () => {
  test('the run acts as the impersonated user, uid, groups and extra: RBAC bound to the groups alone is enough', async () => {
    const dir = workDir();
    const user = uniqueName('chaos-bot');
    // Reading is one group's, writing the other's: each group has to arrive as a group of its own.
    const groups = {
      [`${user}-readers`]: ['get', 'list', 'watch'],
      [`${user}-writers`]: ['create', 'patch', 'delete', 'deletecollection'],
    };
    const rbac = env.sandbox.kc.makeApiClient(RbacAuthorizationV1Api);
    for (const [group, verbs] of Object.entries(groups)) {
      await rbac.createNamespacedRole({
        namespace,
        body: {
          metadata: { name: group },
          rules: [{ apiGroups: ['litmuschaos.io'], resources: ['chaosengines', 'chaosresults'], verbs }],
        },
      });
      await rbac.createNamespacedRoleBinding({
        namespace,
        body: {
          metadata: { name: group },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: group },
          subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
        },
      });
    }
    // The kubeconfig's own user may impersonate and do nothing else: a request sent without the
    // impersonation (a watch, a server-side apply, a cleanup) would be refused.
    const impersonator = uniqueName('impersonator');
    const token = await env.sandbox.mintToken(namespace, impersonator);
    await rbac.createClusterRole({
      body: {
        metadata: { name: impersonator },
        rules: [{ apiGroups: ['', 'authentication.k8s.io'], resources: ['*'], verbs: ['impersonate'] }],
      },
    });
    await rbac.createClusterRoleBinding({
      body: {
        metadata: { name: impersonator },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: impersonator },
        subjects: [{ kind: 'ServiceAccount', name: impersonator, namespace }],
      },
    });
    /** A kubeconfig for the impersonator, with these lines (`kubectl --as --as-group`'s fields) in its user. */
    const impersonating = (name: string, ...lines: string[]) => {
      const file = path.join(dir, name);
      writeFileSync(
        file,
        env.sandbox
          .kubeconfigFor(token, impersonator, namespace)
          .replace(/^( +)token: .*$/m, (line, indent: string) =>
            [line, ...lines.map((more) => `${indent}${more}`)].join('\n'),
          ),
      );
      return file;
    };
    const kubeconfig = impersonating(
      'kubeconfig',
      `as: ${user}`,
      `as-uid: uid-${user}`,
      `as-groups: [${Object.keys(groups).join(', ')}]`,
      'as-user-extra: {example.com/team: [chaos, café]}',
    );

    // Who the API server takes chaos-gate's requests for.
    const review = await apiClient(
      connect(loadKubeContext({ kubeconfig })),
      AuthenticationV1Api,
    ).createSelfSubjectReview({
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    assert.deepEqual(
      { ...review.status?.userInfo },
      {
        username: user,
        uid: `uid-${user}`,
        groups: [...Object.keys(groups), 'system:authenticated'],
        extra: { 'example.com/team': ['chaos', 'café'] },
      },
    );

    const name = uniqueName('impersonated');
    const run = await env.run(['--engine', engineFile(dir, name, 'pass')], { kubeconfig }).done;
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /gate PASSED/);
    assert.match(run.stdout, new RegExp(`cleanup: removed 2 object\\(s\\): ChaosEngine shop/${name}`));

    // The same user without its groups may do nothing of it.
    const userAlone = impersonating('kubeconfig-as-alone', `as: ${user}`);
    const refused = await env.run(['--engine', engineFile(dir, uniqueName('alone'), 'pass')], {
      kubeconfig: userAlone,
    }).done;
    assert.equal(refused.code, 2, refused.stdout + refused.stderr);
    assert.match(refused.stderr, new RegExp(`"${user}" cannot \\w+ resource "chaosengines"`));
  });
});

describe('a cluster without LitmusChaos', () => {
  let bare: Sandbox;
  before(async () => {
    bare = await startSandbox({ crds: false });
  });
  after(async () => {
    await bare?.stop();
  });

  test('exits 2 saying LitmusChaos is not installed', async () => {
    const dir = workDir();
    const run = await runEntry('dist/cli.js', [
      'run',
      '--kubeconfig',
      bare.kubeconfigPath,
      // Where the engine aims: the context's namespace (default) would refuse it before connecting.
      '--namespace',
      'shop',
      '--engine',
      engineFile(dir, 'x', 'pass'),
    ]).done;
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /LitmusChaos is not installed in this cluster: CRD chaosengines\.litmuschaos\.io not found/,
    );
  });
});
