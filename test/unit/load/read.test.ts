// Reading load-test result files: what a user sees when they hand over the wrong file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../../src/errors.ts';
import { lineChunkBytes } from '../../../src/files.ts';
import { maxTrackableMs } from '../../../src/load/histogram.ts';
import { readK6Summary, readRequestFigures } from '../../../src/load/read.ts';
import { loadSuite } from '../../../src/load/suite.ts';
import { readFixture } from '../../support/fixtures.ts';
import { resultFile, samplesIn } from '../../support/load.ts';

test("k6's --out json stream given as the summary: the error names --summary-export and handleSummary", () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-k6-')), 'k6.json');
  writeFileSync(file, readFixture('load/k6-output.json'));
  assert.throws(
    () => readK6Summary(file),
    (error: Error) =>
      error.message.startsWith(`${file}: this is k6's \`--out json\` stream`) &&
      error.message.includes('--summary-export=FILE') &&
      error.message.includes('handleSummary()') &&
      error.message.includes('load.results.k6Json'),
  );
});

test('a JTL row split between two reads at any byte: quoted line breaks and multi-byte labels stay whole', () => {
  const header = 'timeStamp,elapsed,label,success,failureMessage\n';
  const row = '2000,7,GET /café 🧨,false,"unavailable,\nsee the log"\n';
  // The first row pads the file so the end of the first read falls on each byte of the second row.
  for (let at = 0; at <= Buffer.byteLength(row); at++) {
    const padding = 'x'.repeat(lineChunkBytes - header.length - '1000,5,,true,\n'.length - at);
    const file = resultFile('split.jtl', `${header}1000,5,${padding},true,\n${row}3000,9,GET /b,true,\n`);
    assert.deepEqual(
      samplesIn('jtl', file).map((s) => [s.startMs, s.failure]),
      [
        [1000, undefined],
        [2000, 'GET /café 🧨: unavailable,\nsee the log'],
        [3000, undefined],
      ],
      `read ends ${at} bytes into the row`,
    );
  }
});

test('a result file that is a directory or a FIFO is refused by name, not read', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-not-a-file-'));
  assert.throws(() => samplesIn('jtl', dir), {
    message: `${dir}: cannot read the JMeter results file: it is a directory`,
  });
  const fifo = path.join(dir, 'k6.fifo');
  execFileSync('mkfifo', [fifo]);
  assert.throws(() => samplesIn('k6Json', fifo), {
    message: `${fifo}: cannot read the k6 JSON output: not a regular file (a pipe, socket or device)`,
  });
});

test('a result file with only blank lines is named as empty', () => {
  const file = resultFile('hey.csv', '\n  \n');
  assert.throws(() => samplesIn('heyCsv', file), { message: `${file}: the hey CSV is empty` });
  const jtl = resultFile('results.jtl', '\n');
  assert.throws(() => samplesIn('jtl', jtl), { message: `${jtl}: the JMeter results file is empty` });
});

/** JMeter's seventeen default CSV columns. */
const jtlHeader =
  'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';
const jtlRow = (timeStamp: string, elapsed: string) =>
  `${timeStamp},${elapsed},GET /cart,200,OK,shoppers 1-1,text,true,,512,128,1,1,http://shop/cart,40,0,3`;

test('a JTL row with an empty, blank, negative or endless timeStamp or elapsed is refused naming the file, line and column', () => {
  const refused = [
    ['', '', /line 3: timeStamp "": expected epoch milliseconds/],
    ['1795000000100', ' ', /line 3: elapsed " ": expected milliseconds, 0 or more/],
    ['1795000000100', '-5', /line 3: elapsed "-5": expected milliseconds, 0 or more/],
    ['1795000000100', 'Infinity', /line 3: elapsed "Infinity": expected milliseconds, 0 or more/],
    // Past what a Date can hold: not a time, and the load chart could not place it.
    ['1e20', '100', /line 3: timeStamp "1e20": expected epoch milliseconds/],
  ] as const;
  for (const [timeStamp, elapsed, message] of refused) {
    const file = resultFile(
      'r.jtl',
      `${jtlHeader}\n${jtlRow('1795000000000', '90')}\n${jtlRow(timeStamp, elapsed)}\n`,
    );
    assert.throws(
      () => samplesIn('jtl', file),
      (e: unknown) =>
        e instanceof ConfigError && e.message.startsWith(`${file}: `) && message.test(e.message),
      `timeStamp "${timeStamp}", elapsed "${elapsed}"`,
    );
  }
});

test('a hey CSV row with an empty or negative field is refused naming the file, line and column', () => {
  const header = 'response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset';
  const refused = [
    ['', '200', '0.5', /line 2: response-time "": expected seconds, 0 or more/],
    ['0.05', '', '0.5', /line 2: status-code "": expected an HTTP status/],
    ['0.05', '200', '', /line 2: offset "": expected seconds since hey started/],
    ['-0.05', '200', '0.5', /line 2: response-time "-0.05": expected seconds, 0 or more/],
  ] as const;
  for (const [seconds, status, offset, message] of refused) {
    const file = resultFile('hey.csv', `${header}\n${seconds},0,0,0,0,0,${status},${offset}\n`);
    assert.throws(() => samplesIn('heyCsv', file), message, `${seconds},${status},${offset}`);
  }
});

/** One line of k6's `--out json` stream. */
const k6Point = (metric: string, value: number, time = '2026-11-20T10:00:00Z') =>
  JSON.stringify({ type: 'Point', metric, data: { time, value, tags: { url: 'http://shop/' } } });

test('a k6 JSON point with a negative duration or a failed flag other than 0 or 1 is refused naming the line', () => {
  assert.throws(
    () => samplesIn('k6Json', resultFile('o.json', k6Point('http_req_duration', -3))),
    /o\.json: line 1: http_req_duration data\.value -3: expected milliseconds, 0 or more/,
  );
  assert.throws(
    () =>
      samplesIn(
        'k6Json',
        resultFile('o.json', `${k6Point('http_req_duration', 3)}\n${k6Point('http_req_failed', 2)}`),
      ),
    /o\.json: line 2: http_req_failed data\.value 2: expected 0 or 1/,
  );
});

test('a latency past the histogram range is counted at its top: the request is kept and fails the threshold', () => {
  // 95 requests of 100 ms and 5 of 1e20 ms (more than the histogram tracks): p99 is one of the 5.
  const rows = [
    ...Array.from({ length: 95 }, (_, i) => jtlRow(String(1795000000000 + i * 100), '100')),
    ...Array.from({ length: 5 }, (_, i) => jtlRow(String(1795000010000 + i * 100), '1e20')),
  ];
  const jtl = resultFile('huge.jtl', `${jtlHeader}\n${rows.join('\n')}\n`);
  const later = '2026-11-20T10:00:01Z';
  const k6Json = resultFile(
    'huge.json',
    [
      k6Point('http_req_duration', 100),
      k6Point('http_req_failed', 0),
      k6Point('http_req_duration', 1e20, later),
      k6Point('http_req_failed', 0, later),
    ].join('\n'),
  );
  const hey = resultFile('huge.csv', 'response-time,status-code,offset\n0.1,200,0\n1e17,200,1\n');
  for (const [kind, file, count] of [
    ['jtl', jtl, 100],
    ['k6Json', k6Json, 2],
    ['heyCsv', hey, 2],
  ] as const) {
    const requests = readRequestFigures({ [kind]: file }, undefined, []);
    assert.equal(requests?.overall.count, count, `${kind}: every request counted`);
    assert.equal(requests.overall.p99Ms, maxTrackableMs, `${kind}: p99 at the top of the histogram`);
  }
  const suite = loadSuite({
    requests: readRequestFigures({ jtl }, undefined, []),
    windows: [],
    thresholds: { p99: 800 },
    impact: {},
  });
  assert.deepEqual(
    suite.cases.map((c) => [c.name, c.outcome]),
    [['p99 < 800ms', 'fail']],
  );
  assert.equal(suite.properties['overall.requests'], '100');
});

test('a result file with a header and no rows, or no request in it, is refused as holding no samples', () => {
  const jtl = resultFile('header.jtl', `${jtlHeader}\n`);
  assert.throws(() => samplesIn('jtl', jtl), {
    message: `${jtl}: no samples: only the CSV header, no row after it`,
  });
  const hey = resultFile('header.csv', 'response-time,status-code,offset\n');
  assert.throws(() => samplesIn('heyCsv', hey), {
    message: new RegExp(
      `^${hey}: no samples: only the CSV header, no row after it; hey writes a row only for a request that got a response`,
    ),
  });
  const k6 = resultFile('no-http.json', k6Point('vus', 1));
  assert.throws(() => samplesIn('k6Json', k6), {
    message: `${k6}: no samples: no http_req_duration point (did the test make no HTTP request?)`,
  });
});
