import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { test } from 'node:test';
import { ConfigError } from '../../../src/errors.ts';
import { parseK6Summary } from '../../../src/load/k6.ts';
import { fixturePath, readFixture } from '../../support/fixtures.ts';
import { figuresOf, resultFile, samplesIn } from '../../support/load.ts';

const json = (name: string): unknown => JSON.parse(readFixture(`load/${name}`));

test('k6 --summary-export: true means the threshold FAILED', () => {
  const summary = parseK6Summary(json('k6-summary-export.json'), 'k6.json');
  assert.deepEqual(
    summary.thresholds.map((t) => [t.metric, t.expression, t.ok]),
    [
      ['http_req_duration', 'p(95)<500', false],
      ['http_req_duration', 'avg<300', true],
      ['http_req_failed', 'rate<0.01', true],
    ],
  );
  assert.equal(summary.httpReqFailed, 0.005);
  assert.equal(summary.httpReqDuration?.['p(95)'], 612.9);
  assert.equal(summary.iterations, 300);
});

test('k6 handleSummary data gives the same verdicts, with checks from nested groups', () => {
  const legacy = parseK6Summary(json('k6-summary-export.json'), 'a.json');
  const modern = parseK6Summary(json('k6-handle-summary.json'), 'b.json');
  assert.deepEqual(modern.thresholds, legacy.thresholds);
  assert.deepEqual(modern.checks, legacy.checks);
  assert.deepEqual(
    modern.checks.map((c) => [c.name, c.fails]),
    [
      ['status is 200', 0],
      ['order accepted', 3],
    ],
  );
  assert.equal(modern.httpReqFailed, 0.005);
});

test('a file that is not a k6 summary is rejected naming the file and field', () => {
  assert.throws(
    () => parseK6Summary({ data: [] }, 'out/k6.json'),
    /out\/k6\.json: not a k6 summary: field metrics/,
  );
  assert.throws(
    () =>
      parseK6Summary({ metrics: { http_req_duration: { thresholds: { 'p(95)<500': 'yes' } } } }, 'k6.json'),
    /k6\.json: not a k6 summary: field metrics\.http_req_duration\.thresholds\["p\(95\)<500"\]: expected true or false, got text \("yes"\)$/,
  );
  assert.throws(
    () => parseK6Summary({ metrics: {}, root_group: { checks: 'all' } }, 'k6.json'),
    /k6\.json: not a k6 summary: field root_group\.checks: expected a list or a mapping, got text \("all"\)$/,
  );
});

test('a k6 summary of the wrong shape is refused naming the file and the field, not read as passed', () => {
  interface Legacy {
    metrics: Record<string, Record<string, unknown>>;
    root_group: { checks: Record<string, Record<string, unknown>> };
  }
  const refuses = (change: (summary: Legacy) => void, field: string) => {
    const summary = json('k6-summary-export.json') as Legacy;
    change(summary);
    assert.throws(
      () => parseK6Summary(summary, 'k6.json'),
      (e: unknown) => e instanceof ConfigError && e.message === `k6.json: not a k6 summary: field ${field}`,
      field,
    );
  };
  // The expressions as the k6 script lists them, not each one's result: the crossed one would be lost.
  refuses((s) => {
    s.metrics.http_req_duration!.thresholds = ['p(95)<500'];
  }, 'metrics.http_req_duration.thresholds: expected a mapping, got a list');
  refuses((s) => {
    s.root_group.checks['status is 200']!.fails = '300';
  }, 'root_group.checks["status is 200"].fails: expected a number, got text ("300")');
  refuses((s) => {
    Object.assign(s, { root_group: [s.root_group] });
  }, 'root_group: expected a mapping, got a list');

  const modern = json('k6-handle-summary.json') as {
    root_group: { groups: { checks: { fails: unknown }[] }[] };
  };
  modern.root_group.groups[0]!.checks[0]!.fails = -3;
  assert.throws(() => parseK6Summary(modern, 'b.json'), {
    message:
      'b.json: not a k6 summary: field root_group.groups[0].checks[0].fails: expected 0 or more, got a number (-3)',
  });
});

test('JTL: columns by name, quoted fields with commas and line breaks', () => {
  // JMeter's default CSV columns; a failed assertion's message quoted over two lines.
  const jtl = [
    'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes',
    '1795000000000,94,GET /checkout,200,OK,shoppers 1-1,text,true,,512',
    '1795000000100,503,GET /checkout,503,Service Unavailable,shoppers 1-2,text,false,"unavailable, not 200:',
    'see the log",130',
    '1795000000200,88,GET /checkout,200,OK,shoppers 1-1,text,true,,512',
    '',
  ].join('\n');
  assert.deepEqual(samplesIn('jtl', resultFile('results.jtl', jtl)), [
    { startMs: 1795000000000, elapsedMs: 94, success: true },
    {
      startMs: 1795000000100,
      elapsedMs: 503,
      success: false,
      failure: 'GET /checkout: unavailable, not 200:\nsee the log',
    },
    { startMs: 1795000000200, elapsedMs: 88, success: true },
  ]);
  const reordered = 'success,elapsed,timeStamp\ntrue,120,1000\nfalse,900,2000\n';
  assert.deepEqual(samplesIn('jtl', resultFile('x.jtl', reordered)), [
    { startMs: 1000, elapsedMs: 120, success: true },
    { startMs: 2000, elapsedMs: 900, success: false, failure: 'failed' },
  ]);
});

test('JTL errors name the file and line', () => {
  assert.throws(
    () => samplesIn('jtl', resultFile('r.jtl', 'timeStamp,label\n1,a\n')),
    (e: unknown) =>
      e instanceof ConfigError && /r\.jtl: line 1: missing columns elapsed, success/.test(e.message),
  );
  assert.throws(
    () => samplesIn('jtl', resultFile('r.jtl', 'timeStamp,elapsed,success\n1,2,true\nsoon,2,maybe\n')),
    /r\.jtl: line 3: timeStamp "soon": expected epoch milliseconds/,
  );
});

test('impact: the slow, failing window is found inside the chaos window', () => {
  // A request every 100 ms for 60 s; from 20 s to 30 s they take 450 ms and every tenth fails.
  const t0 = 1795000000000;
  const samples = Array.from({ length: 600 }, (_, i) => {
    const inWindow = i >= 200 && i < 300;
    return {
      startMs: t0 + i * 100,
      elapsedMs: inWindow ? 450 : 90 + (i % 7),
      success: !(inWindow && i % 10 === 0),
    };
  });
  const { baseline, duringChaos } = figuresOf(samples, [{ startMs: t0 + 20_000, endMs: t0 + 29_999 }]);
  assert.equal(duringChaos.count, 100);
  assert.equal(baseline.count, 500);
  assert.equal(duringChaos.p95Ms, 450);
  assert.equal(baseline.p95Ms, 96);
  assert.equal(duringChaos.errorRate, 0.1);
  assert.equal(baseline.errorRate, 0);
});

test('k6 JSON output: duration and failure points pair into samples that start at time minus duration', () => {
  const samples = samplesIn('k6Json', fixturePath('load/k6-output.json'));
  assert.deepEqual(samples, [
    { startMs: Date.parse('2026-11-20T10:00:00.000Z'), elapsedMs: 250, success: true },
    {
      startMs: Date.parse('2026-11-20T10:00:01.000Z'),
      elapsedMs: 900,
      success: false,
      failure: 'http://checkout/api: HTTP 503',
    },
    { startMs: Date.parse('2026-11-20T10:00:03.000Z'), elapsedMs: 120, success: true },
  ]);
  assert.throws(
    () => samplesIn('k6Json', resultFile('o.json', '{"type":"Point"\n')),
    /o\.json: line 1: not JSON/,
  );
});

test('hey CSV: offsets placed on the clock of the load start; 5xx are failures', () => {
  const csv =
    'response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset\n0.0500,0,0,0,0,0,200,0.0010\n0.3000,0,0,0,0,0,500,1.5000\n';
  // The command ran exactly as long as hey's requests: hey can only have started with it.
  const ran = { startedAtMs: 10_000, endedAtMs: 11_800 };
  assert.deepEqual(samplesIn('heyCsv', resultFile('hey.csv', csv), ran), [
    { startMs: 10_001, elapsedMs: 50, success: true },
    { startMs: 11_500, elapsedMs: 300, success: false, failure: 'HTTP 500' },
  ]);
});

test('hey CSV: a hey that came up late is placed by when it wrote its file, so the chaos window holds only its own requests', () => {
  // A request every 100 ms for 3 s, 10 ms each; those from 1.0 s to 1.5 s of hey's own clock fail.
  const rows = Array.from({ length: 30 }, (_, i) => {
    const offset = i / 10;
    return `0.0100,0,0,0,0,0,${offset >= 1 && offset < 1.5 ? 503 : 200},${offset.toFixed(4)}`;
  });
  const file = resultFile(
    'hey-late.csv',
    `response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset\n${rows.join('\n')}\n`,
  );
  // The command started at 100 s; hey came up 400 ms later and wrote its file as its last request ended.
  const heyStartMs = 100_400;
  utimesSync(file, new Date(), new Date(heyStartMs + 2_910));
  const ran = { startedAtMs: 100_000, endedAtMs: 104_000 };
  const window = { startMs: heyStartMs + 1_000, endMs: heyStartMs + 1_495 };
  const figures = figuresOf(samplesIn('heyCsv', file, ran), [window]);
  assert.equal(figures.duringChaos.count, 5);
  assert.equal(figures.duringChaos.errorRate, 1);
  assert.equal(figures.baseline.errorRate, 0);
});

test('a failed JTL sample without an assertion message keeps the response code and message', () => {
  const noMessage =
    'timeStamp,elapsed,label,responseCode,responseMessage,success,failureMessage\n1,5,GET /a,502,Bad Gateway,false,\n';
  assert.equal(samplesIn('jtl', resultFile('x.jtl', noMessage))[0]?.failure, 'GET /a: 502 Bad Gateway');
});

test('JMeter results saved as XML: each top-level sample, its failed assertion message or else its response', () => {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testResults version="1.2">',
    '<httpSample t="50" it="0" lt="40" ts="1700000000000" s="true" lb="GET /checkout" rc="200" rm="OK">',
    '  <assertionResult>',
    '    <name>checkout answers 200</name>',
    '    <failure>false</failure>',
    '    <error>false</error>',
    '  </assertionResult>',
    // A redirect JMeter followed: part of its parent, not a request of its own.
    '  <httpSample t="20" ts="1700000000010" s="true" lb="GET /checkout-1" rc="302" rm="Found"/>',
    '</httpSample>',
    '<httpSample t="55" ts="1700000000100" s="false" lb="GET /checkout" rc="503" rm="Service Unavailable">',
    '  <assertionResult>',
    '    <name>checkout answers 200</name>',
    '    <failure>true</failure>',
    '    <error>false</error>',
    '    <failureMessage>checkout unavailable, not 200:',
    'see the service log &amp; retry</failureMessage>',
    '  </assertionResult>',
    '</httpSample>',
    '<sample t="7" ts="1700000000200" s="false" lb="JDBC orders" rc="500" rm="Timeout"/>',
    '</testResults>',
  ].join('\n');
  assert.deepEqual(samplesIn('jtl', resultFile('results.jtl', xml)), [
    { startMs: 1700000000000, elapsedMs: 50, success: true },
    {
      startMs: 1700000000100,
      elapsedMs: 55,
      success: false,
      failure: 'GET /checkout: checkout unavailable, not 200:\nsee the service log & retry',
    },
    { startMs: 1700000000200, elapsedMs: 7, success: false, failure: 'JDBC orders: 500 Timeout' },
  ]);
});

test('JMeter XML results: a bad figure or broken XML is named with the file and line', () => {
  const results = (...lines: string[]) =>
    resultFile('results.jtl', ['<testResults version="1.2">', ...lines, '</testResults>'].join('\n'));
  assert.throws(
    () => samplesIn('jtl', results('<httpSample t="5" ts="yesterday" s="true"/>')),
    /results\.jtl: line 2: ts="yesterday": expected epoch milliseconds/,
  );
  assert.throws(
    () =>
      samplesIn('jtl', results('<httpSample t="5" ts="1" s="true"/>', '<httpSample t="5" ts="1" s="ok"/>')),
    /results\.jtl: line 3: s="ok": expected true or false/,
  );
  assert.throws(
    () => samplesIn('jtl', results('<httpSample t="5" ts="1" s="true">', '</sample>')),
    /results\.jtl: line 3: not well-formed XML: unexpected close tag/,
  );
  assert.throws(
    () => samplesIn('jtl', resultFile('report.xml', '<testsuites>\n</testsuites>\n')),
    /report\.xml: line 1: <testsuites> where JMeter's XML results start with <testResults>/,
  );
});

test('JMeter XML results cut short (JMeter killed before </testResults>): the samples it closed count', () => {
  const cut = [
    '<testResults version="1.2">',
    '<httpSample t="5" ts="1700000000000" s="true" lb="a"/>',
    '<httpSample t="6" ts="1700000000001" s="false" lb="a" rc="503" rm="Service Unavailable">',
    '  <assertionRes',
  ].join('\n');
  assert.deepEqual(
    samplesIn('jtl', resultFile('results.jtl', cut)).map((s) => s.elapsedMs),
    [5],
  );
});

test('a k6 summary given as the --out json stream: the error says which setting takes which file', () => {
  assert.throws(
    () => samplesIn('k6Json', resultFile('k6.json', JSON.stringify({ metrics: {} }, null, 2))),
    /k6\.json: this is one JSON document \(a k6 end-of-test summary\?\).*load\.results\.k6Summary/,
  );
});

/** The two points k6 writes for one request, as lines of its `--out json` stream. */
function k6Points(time: string, url: string, ms: number, status: number) {
  const data = (value: number) => ({
    time,
    value,
    tags: { method: 'GET', name: url, status: String(status), url },
  });
  return {
    duration: JSON.stringify({ type: 'Point', data: data(ms), metric: 'http_req_duration' }),
    failed: JSON.stringify({ type: 'Point', data: data(status >= 400 ? 1 : 0), metric: 'http_req_failed' }),
    other: JSON.stringify({ type: 'Point', data: data(1), metric: 'http_reqs' }),
  };
}

test('k6 JSON output: points of many VUs interleaved, in either order, pair into one sample per request', () => {
  // 200 requests: their durations, then the other metrics, then their failed flags in reverse order.
  const requests = Array.from({ length: 200 }, (_, i) =>
    k6Points(
      `2026-11-20T10:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}123456Z`,
      `http://shop/item/${i % 7}`,
      100 + i,
      i % 9 === 0 ? 503 : 200,
    ),
  );
  const lines = [
    ...requests.map((r) => r.duration),
    ...requests.map((r) => r.other),
    ...requests.map((r) => r.failed).reverse(),
  ];
  const samples = samplesIn('k6Json', resultFile('vus.json', lines.join('\n')));
  assert.equal(samples.length, 200);
  assert.deepEqual(
    samples.filter((s) => !s.success).map((s) => [s.elapsedMs, s.failure]),
    requests
      .flatMap((_, i) => (i % 9 === 0 ? [[100 + i, `http://shop/item/${i % 7}: HTTP 503`]] : []))
      .reverse(),
  );
});

test('k6 JSON output: two requests with the same time and URL are two samples; a duration alone counts as passed', () => {
  const first = k6Points('2026-11-20T10:00:00.250Z', 'http://shop/', 250, 200);
  const second = k6Points('2026-11-20T10:00:00.250Z', 'http://shop/', 40, 503);
  const lonely = k6Points('2026-11-20T10:00:01.000Z', 'http://shop/', 70, 200);
  const lines = [first.duration, first.failed, second.failed, second.duration, lonely.duration];
  assert.deepEqual(
    samplesIn('k6Json', resultFile('same-time.json', lines.join('\n'))).map((s) => [s.elapsedMs, s.success]),
    [
      [250, true],
      [40, false],
      [70, true],
    ],
  );
  // Their points interleaved: which flag goes with which is unknowable, but neither request is lost.
  const interleaved = [first.duration, second.duration, first.failed, second.failed];
  assert.deepEqual(
    samplesIn('k6Json', resultFile('interleaved.json', interleaved.join('\n')))
      .map((s) => s.elapsedMs)
      .sort((a, b) => a - b),
    [40, 250],
  );
});
