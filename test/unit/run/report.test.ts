// The report use case on files a user hands over: what it judges, and what it refuses to judge
// (exit 2, naming what is missing) instead of failing the build over nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfig, parseSettings, resolveConfig, type GateConfig } from '../../../src/config/load.ts';
import { CannotRunError, ConfigError } from '../../../src/errors.ts';
import { reportGate, type ReportSources } from '../../../src/run/report.ts';
import { exitCodeOf, exitCodeOfError } from '../../../src/run/outcome.ts';
import { FakeApi, status } from '../../support/fake-api.ts';
import { fixturePath } from '../../support/fixtures.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-report-'));
let files = 0;
function file(content: unknown): string {
  const name = path.join(dir, `input-${++files}.yaml`);
  writeFileSync(name, typeof content === 'string' ? content : stringify(content));
  return name;
}

const noLog = () => {};
const sources = (given: Partial<ReportSources>): ReportSources => ({ results: [], ...given });
const config = (raw: unknown = {}) => resolveConfig(parseSettings(raw, 'test config'));
/** A JMeter CSV JTL of 600 requests, one in 60 failed by an assertion. */
const jtl = file(
  [
    'timeStamp,elapsed,label,responseCode,responseMessage,success,failureMessage',
    ...Array.from({ length: 600 }, (_, i) =>
      i % 60 === 59
        ? `${1795000000000 + i * 100},520,GET /checkout,503,Service Unavailable,false,"Service Unavailable, retry later"`
        : `${1795000000000 + i * 100},${90 + (i % 20)},GET /checkout,200,OK,true,`,
    ),
  ].join('\n'),
);

const result = (experimentStatus: object, engine = 'nginx-chaos') => ({
  apiVersion: 'litmuschaos.io/v1alpha1',
  kind: 'ChaosResult',
  metadata: { name: `${engine}-pod-delete`, namespace: 'default' },
  spec: { engine, experiment: 'pod-delete' },
  status: { experimentStatus },
});
const stopped = { phase: 'Stopped', verdict: 'Stopped' };
const awaited = { phase: 'Running', verdict: 'Awaited' };
const passed = { phase: 'Completed', verdict: 'Pass' };

test('a JTL with nothing to check it against is exit 2, saying which setting is missing', async () => {
  await assert.rejects(reportGate(config(), sources({ jtl }), noLog), (error: Error) => {
    assert.ok(error instanceof CannotRunError);
    assert.equal(exitCodeOfError(error), 2);
    assert.ok(
      error.message.startsWith(`nothing to judge: ${jtl} (load): 600 requests read (error rate 1.67%)`),
    );
    assert.match(error.message, /set load\.thresholds \(p95, p99, errorRate\)/);
    return true;
  });
});

test('a JTL checked against an error-rate threshold fails naming what failed', async () => {
  const outcome = await reportGate(
    config({ load: { thresholds: { errorRate: '1%' } } }),
    sources({ jtl }),
    noLog,
  );
  assert.equal(exitCodeOf(outcome), 1);
  const [rate] = outcome.report.suites[0]?.cases ?? [];
  assert.equal(rate?.message, 'error rate was 1.67% (10 of 600 requests failed)');
  assert.match(
    rate?.details ?? '',
    /^most frequent failures:\n10 × GET \/checkout: Service Unavailable, retry/,
  );
});

test("the config file's load.results and thresholds are used by report like by run", async () => {
  const outcome = await reportGate(
    config({ load: { results: { jtl }, thresholds: { p95: '5s', errorRate: '5%' } } }),
    sources({}),
    noLog,
  );
  assert.equal(outcome.decision.verdict, 'pass');
  assert.deepEqual(
    outcome.report.suites[0]?.cases.map((c) => c.name),
    ['p95 < 5000ms', 'error rate <= 5%'],
  );
});

test('ChaosEngines without any ChaosResult: exit 2, saying how to export the results', async () => {
  const engine = {
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosEngine',
    metadata: { name: 'nginx-chaos' },
  };
  const given = file(engine);
  await assert.rejects(reportGate(config(), sources({ results: [given] }), noLog), (error: Error) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(
      error.message,
      `${given}: no ChaosResult found (only 1 ChaosEngine(s), which carry no verdict); save them with \`kubectl get chaosresults -n NAMESPACE -o yaml\``,
    );
    return true;
  });
});

test('a Workflow that never ran: exit 2, naming the file and the missing status', async () => {
  const workflow = file({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: 'chaos-load' },
    spec: { entrypoint: 'main' },
  });
  await assert.rejects(
    reportGate(config({ workflow: { file: workflow } }), sources({}), noLog),
    /document 1 \(Workflow chaos-load\): field status: the Workflow never ran.*kubectl get workflow chaos-load -o yaml/,
  );
});

test('a live read with several clusters is refused, naming them: it would read the current context instead', async () => {
  const twoClusters = config({
    namespace: 'shop',
    targets: [
      { name: 'eu', context: 'staging-eu' },
      { name: 'us', context: 'staging-us' },
    ],
  });
  await assert.rejects(
    reportGate(twoClusters, sources({ namespace: 'shop' }), noLog),
    (error: Error) =>
      error instanceof ConfigError &&
      /^report reads one cluster's namespace, and 2 clusters are given \(eu, us\): give one --context/.test(
        error.message,
      ),
  );
  // The config file's namespace, read when nothing else is given, is refused the same way.
  await assert.rejects(reportGate(twoClusters, sources({}), noLog), /2 clusters are given \(eu, us\)/);
});

test('results still Awaited are nothing to judge yet, not a timeout failure', async () => {
  await assert.rejects(
    reportGate(config(), sources({ results: [file(result(awaited))] }), noLog),
    /nothing to judge: .*input-\d+\.yaml \(default\/nginx-chaos\): pod-delete: still Awaited \(phase Running\) when the results were read/,
  );
});

/** An engine the operator completed, as `kubectl get chaosengine -o yaml` shows it. */
const completedEngine = (uid?: string) => ({
  apiVersion: 'litmuschaos.io/v1alpha1',
  kind: 'ChaosEngine',
  metadata: { name: 'nginx-chaos', namespace: 'default', ...(uid ? { uid } : {}) },
  spec: { experiments: [{ name: 'pod-delete' }] },
  status: { engineStatus: 'completed', experiments: [{ name: 'pod-delete', status: 'Completed' }] },
});
/** The engine's result as an earlier run of an engine of the same name left it. */
const previousRunsResult = () => {
  const earlier = result(passed);
  return { ...earlier, metadata: { ...earlier.metadata, labels: { chaosUID: 'uid-of-a-previous-run' } } };
};
const anotherRunsOnly = (source: string, engineUid: string) =>
  `nothing to judge: ${source} (default/nginx-chaos): pod-delete: no ChaosResult of this run: the ChaosResult nginx-chaos-pod-delete found belongs to another run (chaosUID uid-of-a-previous-run, not the engine's UID ${engineUid})`;

test("ChaosEngines whose only ChaosResults are another run's: exit 2, naming the engine and both UIDs", async () => {
  const given = [file(completedEngine('uid-of-this-run')), file(previousRunsResult())];
  await assert.rejects(reportGate(config(), sources({ results: given }), noLog), (error: Error) => {
    assert.equal(exitCodeOfError(error), 2);
    assert.equal(error.message, anotherRunsOnly(given.join(', '), 'uid-of-this-run'));
    return true;
  });
});

test("report --namespace: live engines whose only ChaosResults are another run's are exit 2 too", async (t) => {
  const fake = new FakeApi();
  t.after(() => fake.close());
  const engine = fake.put(completedEngine());
  fake.put(previousRunsResult());
  const settings = { kubeconfig: [file(fake.kubeconfig)] };
  await assert.rejects(
    reportGate(config(settings), sources({ namespace: 'default' }), noLog),
    (error: Error) => {
      assert.equal(exitCodeOfError(error), 2);
      assert.equal(error.message, anotherRunsOnly('namespace default', engine.metadata.uid ?? 'no uid'));
      return true;
    },
  );
});

test('report --namespace: a live engine of the wrong shape is an errored case naming the field, beside its verdict, and the gate fails', async (t) => {
  const fake = new FakeApi();
  t.after(() => fake.close());
  const labels = { team: 'shop' };
  // The API server takes any status (the CRD leaves it open): here one no Litmus writes.
  const garbled = completedEngine();
  const engine = fake.put({
    ...garbled,
    metadata: { ...garbled.metadata, labels },
    status: { ...garbled.status, experiments: { name: 'pod-delete' } },
  });
  const itsResult = result(passed);
  fake.put({
    ...itsResult,
    metadata: { ...itsResult.metadata, labels: { chaosUID: engine.metadata.uid ?? '' } },
  });
  const settings = { kubeconfig: [file(fake.kubeconfig)] };
  const outcome = await reportGate(
    config(settings),
    sources({ namespace: 'default', selector: 'team=shop' }),
    noLog,
  );
  assert.equal(exitCodeOf(outcome), 1);
  assert.deepEqual(
    outcome.report.suites.flatMap((s) => s.cases).map((c) => [c.name, c.outcome, c.message]),
    [
      [
        '(engine)',
        'error',
        'ChaosEngine default/nginx-chaos: field status.experiments: expected a list, got a mapping',
      ],
      ['pod-delete', 'pass', undefined],
    ],
  );
});

test("report --namespace: a refused list, a bad selector or rejected credentials give the server's words, naming what was read", async (t) => {
  const fake = new FakeApi();
  t.after(() => fake.close());
  const kubeconfig = [file(fake.kubeconfig)];
  const engines = '/apis/litmuschaos.io/v1alpha1/namespaces/default/chaosengines';
  const forbidden =
    'chaosengines.litmuschaos.io is forbidden: User "system:serviceaccount:ci:reader" cannot list resource "chaosengines" in API group "litmuschaos.io" in the namespace "default"';
  const badSelector = "unable to parse requirement: found '', expected: ',', ')' or identifier";
  const cases: [Partial<ReportSources>, () => void, string][] = [
    [
      {},
      () => fake.inject({ path: engines }, { status: 403, body: status(403, forbidden, 'Forbidden') }),
      `listing chaosengines in namespace default: ${forbidden} (HTTP 403)`,
    ],
    [
      { selector: 'app in (' },
      () => fake.inject({ path: engines }, { status: 400, body: status(400, badSelector, 'BadRequest') }),
      `listing chaosengines in namespace default (selector "app in ("): ${badSelector} (HTTP 400)`,
    ],
    [
      {},
      // client-node drops the body of a 401 and keeps only the response headers.
      () => fake.inject({ path: '/apis/litmuschaos.io/v1alpha1' }, { status: 401 }),
      'checking for LitmusChaos (litmuschaos.io/v1alpha1): Unauthorized (HTTP 401) — the credentials were rejected (expired token or wrong cluster?)',
    ],
  ];
  for (const [given, refuse, expected] of cases) {
    refuse();
    await assert.rejects(
      reportGate(config({ kubeconfig }), sources({ namespace: 'default', ...given }), noLog),
      (error: Error) => {
        assert.equal(exitCodeOfError(error), 2);
        assert.equal(error.message, expected);
        return true;
      },
    );
  }
});

test('every result Stopped and counted as skipped (--stopped-as skip): exit 2, saying every case was skipped and by which flag', async () => {
  const given = file(result(stopped));
  await assert.rejects(
    reportGate(config({ gate: { stopped: 'skip' } }), sources({ results: [given] }), noLog),
    (error: Error) => {
      assert.equal(exitCodeOfError(error), 2);
      assert.equal(
        error.message,
        `nothing to judge (every case was skipped): ${given} (default/nginx-chaos): pod-delete: the experiment was stopped (aborted) before it finished (skipped: --stopped-as skip)`,
      );
      return true;
    },
  );
});

test('every result Awaited and counted as skipped (--timeouts-as skip): exit 2 the same way', async () => {
  const given = file(result(awaited));
  await assert.rejects(
    reportGate(config({ gate: { timeouts: 'skip' } }), sources({ results: [given] }), noLog),
    (error: Error) => {
      assert.equal(exitCodeOfError(error), 2);
      assert.equal(
        error.message,
        `nothing to judge (every case was skipped): ${given} (default/nginx-chaos): pod-delete: still Awaited (phase Running) when the results were read (skipped: --timeouts-as skip)`,
      );
      return true;
    },
  );
});

test('skipped results beside judged ones: the judged decide, the skipped are named in a warning', async () => {
  const judge = async (gate: object, other: object) => {
    const lines: string[] = [];
    const given = [file(result(passed, 'cart')), file(result(other))];
    const outcome = await reportGate(config({ gate }), sources({ results: given }), (l) => lines.push(l));
    return { exit: exitCodeOf(outcome), counts: outcome.decision.counts, lines, skippedFile: given[1] };
  };
  const stoppedSkipped = await judge({ stopped: 'skip' }, stopped);
  assert.equal(stoppedSkipped.exit, 0);
  assert.deepEqual(stoppedSkipped.counts, { passed: 1, failed: 0, errored: 0, skipped: 1, tolerated: 0 });
  assert.ok(
    stoppedSkipped.lines.includes(
      `chaos-gate: WARNING: nothing to judge in ${stoppedSkipped.skippedFile} (default/nginx-chaos): pod-delete: the experiment was stopped (aborted) before it finished (skipped: --stopped-as skip)`,
    ),
    stoppedSkipped.lines.join('\n'),
  );
  assert.equal((await judge({}, stopped)).exit, 1, 'a Stopped experiment fails by default');
  assert.equal((await judge({ timeouts: 'skip' }, awaited)).exit, 0);
  assert.equal(
    (await judge({}, awaited)).exit,
    1,
    'an Awaited result beside a verdict is an error by default',
  );
});

test('Litmus before 1.2 (spec.experimentstatus, lower-case pass) is a pass', async () => {
  const legacy = fixturePath('litmus/results/chaosresult-1.0-spec-experimentstatus.yaml');
  const outcome = await reportGate(config(), sources({ results: [legacy] }), noLog);
  assert.equal(outcome.decision.verdict, 'pass');
  assert.equal(outcome.report.suites[0]?.cases[0]?.kind, 'experiment');
  assert.equal(outcome.decision.judgements[0]?.[0]?.status, 'passed');
});

test('kubectl describe output: the error says to use kubectl get -o yaml instead', async () => {
  const described = fixturePath('litmus/results/kubectl-describe-chaosresult.txt');
  await assert.rejects(
    reportGate(config(), sources({ results: [described] }), noLog),
    /this is `kubectl describe` output.*`kubectl get chaosresult nginx-chaos-probe-pod-delete -n default -o yaml`/,
  );
});

test('an input without verdicts beside one with verdicts is named in a warning', async () => {
  const lines: string[] = [];
  const passing = file(result(passed));
  const outcome = await reportGate(config(), sources({ results: [passing], jtl }), (line) =>
    lines.push(line),
  );
  assert.equal(outcome.decision.verdict, 'pass');
  assert.ok(
    lines.some((l) =>
      l.startsWith(`chaos-gate: WARNING: nothing to judge in ${jtl} (load): 600 requests read`),
    ),
    lines.join('\n'),
  );
});

test('with several inputs, the one that held nothing is named by its file, not only by its suite', async () => {
  const judged = file(result(passed, 'cart'));
  const unfinished = file(result(awaited));
  const lines: string[] = [];
  await reportGate(config(), sources({ results: [judged, unfinished] }), (line) => lines.push(line));
  const warnings = lines.filter((line) => line.includes('nothing to judge'));
  assert.deepEqual(warnings, [
    `chaos-gate: WARNING: nothing to judge in ${unfinished} (default/nginx-chaos): pod-delete: still Awaited (phase Running) when the results were read`,
  ]);

  await assert.rejects(
    reportGate(config(), sources({ results: [unfinished], jtl }), noLog),
    (error: Error) => {
      assert.equal(exitCodeOfError(error), 2);
      assert.ok(
        error.message.startsWith(`nothing to judge: ${jtl} (load): 600 requests read`),
        error.message,
      );
      assert.ok(error.message.includes(`; ${unfinished} (default/nginx-chaos): pod-delete: still Awaited`));
      return true;
    },
  );
});

test('a live namespace that holds no engine or result is named as such', async (t) => {
  const fake = new FakeApi();
  t.after(() => fake.close());
  const kubeconfig = [file(fake.kubeconfig)];
  await assert.rejects(
    reportGate(config({ kubeconfig }), sources({ namespace: 'default' }), noLog),
    (error: Error) => {
      assert.equal(exitCodeOfError(error), 2);
      assert.equal(error.message, 'nothing to judge: namespace default: no results in it');
      return true;
    },
  );
  const lines: string[] = [];
  const withThresholds = config({ kubeconfig, load: { thresholds: { errorRate: '5%' } } });
  const outcome = await reportGate(withThresholds, sources({ namespace: 'default', jtl }), (l) =>
    lines.push(l),
  );
  assert.equal(exitCodeOf(outcome), 0);
  assert.ok(lines.includes('chaos-gate: WARNING: nothing to judge in namespace default: no results in it'));
});

test('--namespace beside a load file reads the live ChaosResults too, never judging on the load alone', async () => {
  const settings = {
    kubeconfig: [path.join(dir, 'no-such-kubeconfig')],
    load: { thresholds: { errorRate: 0.05 } },
  };
  await assert.rejects(
    reportGate(config(settings), sources({ jtl, namespace: 'shop' }), noLog),
    (error: Error) => exitCodeOfError(error) === 2 && /no-such-kubeconfig/.test(error.message),
  );
});

test('ChaosResults from files and from a namespace at once, or a selector without a namespace, are refused', async () => {
  const passing = file(result(passed));
  await assert.rejects(
    reportGate(config(), sources({ results: [passing], namespace: 'shop' }), noLog),
    /either as files \(--results\) or live \(--namespace, --selector\), not both/,
  );
  await assert.rejects(
    reportGate(config(), sources({ results: [passing], selector: 'app=cart' }), noLog),
    /not both/,
  );
  await assert.rejects(
    reportGate(config(), sources({ jtl, selector: 'app=cart' }), noLog),
    (error: Error) => error instanceof ConfigError && /give --namespace with it/.test(error.message),
  );
});

test('two reports to one file are refused before anything is read, naming both', async () => {
  const same = path.join(dir, 'both.xml');
  await assert.rejects(
    reportGate(config({ reports: { junit: same, json: same } }), sources({ jtl }), noLog),
    (error: Error) =>
      error instanceof ConfigError &&
      error.message.includes(`the JSON report ${same}: the same file as the JUnit report`),
  );
});

test('a report over a file report reads is refused before anything is read or written, naming both', async () => {
  // Not YAML: an input read before the check would fail with another message.
  const results = file('results: [unreadable');
  const before = readFileSync(results, 'utf8');
  // The same file by another path: the check compares where paths really lead.
  const linked = path.join(dir, 'linked-folder');
  symlinkSync(dir, linked);
  const alias = path.join(linked, path.basename(results));
  const journal = file('{}');
  const configFile = file(stringify({ ctkJournals: [journal] }));
  const cases: [GateConfig, Partial<ReportSources>, string][] = [
    [
      config({ reports: { junit: alias } }),
      { results: [results] },
      `the JUnit report ${alias}: the same file as the ChaosResults file ${results}, which it would overwrite`,
    ],
    [
      config({ reports: { json: jtl } }),
      { jtl },
      `the JSON report ${jtl}: the same file as the JTL file ${jtl}, which it would overwrite`,
    ],
    [
      loadConfig(configFile, parseSettings({ reports: { html: configFile } }, 'command line')),
      {},
      `the HTML report ${configFile}: the same file as the config file ${configFile}, which it would overwrite`,
    ],
    [
      loadConfig(configFile, parseSettings({ reports: { summary: journal } }, 'command line')),
      {},
      `the summary ${journal}: the same file as the Chaos Toolkit journal ${journal}, which it would overwrite`,
    ],
  ];
  for (const [settings, given, expected] of cases) {
    await assert.rejects(reportGate(settings, sources(given), noLog), (error: Error) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.equal(error.message, expected);
      return true;
    });
  }
  assert.equal(readFileSync(results, 'utf8'), before);
});

test('the run id given to report names it in the JSON report, so merge labels its suites by it', async () => {
  const json = path.join(dir, 'with-run-id.json');
  await reportGate(
    config({ runId: 'cluster-a', reports: { json }, load: { thresholds: { errorRate: '5%' } } }),
    sources({ jtl }),
    noLog,
  );
  assert.deepEqual(JSON.parse(readFileSync(json, 'utf8')).meta, { runId: 'cluster-a' });
});

test('load.impact, which needs the chaos windows only run knows, is named in a warning, not silently skipped', async () => {
  const lines: string[] = [];
  await reportGate(
    config({ load: { thresholds: { errorRate: '5%' }, impact: { maxErrorRateDuringChaos: '1%' } } }),
    sources({ jtl }),
    (line) => lines.push(line),
  );
  assert.ok(
    lines.includes(
      'chaos-gate: WARNING: load.impact is not checked by report: only run knows when the chaos ran',
    ),
  );
});

test('a k6 summary without thresholds or checks: exit 2, advising k6 thresholds, not load.thresholds', async () => {
  const summary = JSON.parse(readFileSync(fixturePath('load/k6-summary-export.json'), 'utf8')) as {
    metrics: Record<string, { thresholds?: unknown }>;
    root_group: object;
  };
  for (const metric of Object.values(summary.metrics)) delete metric.thresholds;
  summary.root_group = { name: '', path: '', id: 'x', groups: {}, checks: {} };
  const bare = path.join(dir, 'k6-bare.json');
  writeFileSync(bare, JSON.stringify(summary));
  await assert.rejects(reportGate(config(), sources({ k6: bare }), noLog), (error: Error) => {
    assert.equal(exitCodeOfError(error), 2);
    assert.match(
      error.message,
      /the k6 summary holds no thresholds or checks; add thresholds to the k6 script/,
    );
    return true;
  });
});

test('an allowFailures entry that names no experiment is warned about, with the name it was likely meant for', async () => {
  const results = file(result({ phase: 'Completed', verdict: 'Fail', failStep: 'probe' }));
  const lines: string[] = [];
  const out = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-allowances-'));
  const reports = Object.fromEntries(
    ['junit.xml', 'report.json', 'report.html', 'summary.md'].map((name) => [name, path.join(out, name)]),
  );
  const outcome = await reportGate(
    config({
      gate: { allowFailures: ['pod-deletex', 'nginx-chaos/pod-delete', 'cpu-hog'] },
      reports: {
        junit: reports['junit.xml'],
        json: reports['report.json'],
        html: reports['report.html'],
        summary: reports['summary.md'],
      },
    }),
    sources({ results: [results] }),
    (line) => lines.push(line),
  );
  // The entry that matches tolerates the failure; the two others are named, and change nothing.
  assert.equal(outcome.decision.counts.tolerated, 1);
  assert.deepEqual(
    lines.filter((line) => line.includes('WARNING')),
    [
      'chaos-gate: WARNING: --allow-failure "pod-deletex" names no experiment in the report, so it tolerates nothing; did you mean "pod-delete"?',
      'chaos-gate: WARNING: --allow-failure "cpu-hog" names no experiment in the report, so it tolerates nothing',
    ],
  );
  // Every report says so too, not only the log a user may never open.
  const warnings = [
    '--allow-failure "pod-deletex" names no experiment in the report, so it tolerates nothing; did you mean "pod-delete"?',
    '--allow-failure "cpu-hog" names no experiment in the report, so it tolerates nothing',
  ];
  const read = (name: string) => readFileSync(reports[name] as string, 'utf8');
  assert.deepEqual(JSON.parse(read('report.json')).warnings, warnings);
  assert.match(
    read('junit.xml'),
    /<system-out>WARNING: --allow-failure "pod-deletex" .*"pod-delete"\?\nWARNING: --allow-failure "cpu-hog" .*<\/system-out>/,
  );
  assert.ok(read('summary.md').includes(`- ⚠️ ${warnings[0]}`), read('summary.md'));
  assert.ok(
    read('report.html').includes('<li>⚠️ --allow-failure &quot;pod-deletex&quot; names no experiment'),
  );
});
