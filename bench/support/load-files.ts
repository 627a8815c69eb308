// Large load-test outputs written straight as text, 1 MiB at a time, so a 1 GB file takes seconds and
// no memory: a JMeter JTL with JMeter's default columns, as CSV and as XML (the elements JMeter 5.6
// writes for an HTTP sample with a response assertion), and k6's `--out json` stream with the
// points k6 writes per request and per iteration. Requests take longer and fail more inside the
// chaos window (the middle third), so the impact figures have something to find.
import { closeSync, openSync, writeSync } from 'node:fs';

export const t0 = 1_795_000_000_000;

/** The middle third of `count` requests started 1 ms apart. */
export const chaosWindow = (count: number) => ({ startMs: t0 + count / 3, endMs: t0 + (2 * count) / 3 });

function writeLines(file: string, count: number, line: (i: number) => string, first = '', last = ''): void {
  const fd = openSync(file, 'w');
  try {
    let block = first;
    for (let i = 0; i < count; i++) {
      block += line(i);
      if (block.length >= 1 << 20) {
        writeSync(fd, block);
        block = '';
      }
    }
    writeSync(fd, block + last);
  } finally {
    closeSync(fd);
  }
}

/** One request a millisecond; latency spread over 80-480 ms, slower and 1 in 20 failing during chaos. */
function request(i: number, count: number) {
  const inChaos = i >= count / 3 && i < (2 * count) / 3;
  const elapsed = 80 + ((i * 7919) % 400) + (inChaos ? 300 : 0);
  return { startMs: t0 + i, elapsed, failed: i % (inChaos ? 20 : 500) === 0 };
}

export function writeJtl(file: string, rows: number): void {
  writeLines(
    file,
    rows,
    (i) => {
      const { startMs, elapsed, failed } = request(i, rows);
      return failed
        ? `${startMs},${elapsed},GET /checkout,503,Service Unavailable,Checkout 1-${i % 50},text,false,"checkout unavailable, not 200",512,128,50,50,http://checkout/api,${elapsed - 5},0,3\n`
        : `${startMs},${elapsed},GET /checkout,200,OK,Checkout 1-${i % 50},text,true,,512,128,50,50,http://checkout/api,${elapsed - 5},0,3\n`;
    },
    'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n',
  );
}

export function writeJtlXml(file: string, rows: number): void {
  writeLines(
    file,
    rows,
    (i) => {
      const { startMs, elapsed, failed } = request(i, rows);
      const [rc, rm] = failed ? ['503', 'Service Unavailable'] : ['200', 'OK'];
      return [
        `<httpSample t="${elapsed}" it="0" lt="${elapsed - 5}" ct="3" ts="${startMs}" s="${!failed}" lb="GET /checkout" rc="${rc}" rm="${rm}" tn="Checkout 1-${i % 50}" dt="text" by="512" sby="128" ng="50" na="50">`,
        '  <assertionResult>',
        '    <name>checkout answers 200</name>',
        `    <failure>${failed}</failure>`,
        '    <error>false</error>',
        ...(failed ? ['    <failureMessage>checkout unavailable, not 200</failureMessage>'] : []),
        '  </assertionResult>',
        '  <java.net.URL>http://checkout/api</java.net.URL>',
        '</httpSample>\n',
      ].join('\n');
    },
    '<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n',
    '</testResults>\n',
  );
}

/** k6 writes 9 points per HTTP request and 4 per iteration; here one request per iteration. */
export function writeK6Json(file: string, requests: number): void {
  const point = (metric: string, time: string, value: number, tags: string) =>
    `{"type":"Point","data":{"time":"${time}","value":${value},"tags":{${tags}}},"metric":"${metric}"}\n`;
  writeLines(file, requests, (i) => {
    const { startMs, elapsed, failed } = request(i, requests);
    // k6 writes nanoseconds; requests that end in the same millisecond still differ in time.
    const time = new Date(startMs + elapsed)
      .toISOString()
      .replace('Z', `${String(i % 1000).padStart(6, '0')}+00:00`);
    const status = failed ? '503' : '200';
    const http = `"expected_response":"${!failed}","group":"","method":"GET","name":"http://checkout/api","proto":"HTTP/1.1","scenario":"default","status":"${status}","tls_version":"","url":"http://checkout/api"`;
    const iteration = '"group":"","scenario":"default"';
    return (
      point('http_reqs', time, 1, http) +
      point('http_req_duration', time, elapsed + 0.123, http) +
      point('http_req_blocked', time, 0.004, http) +
      point('http_req_connecting', time, 0, http) +
      point('http_req_tls_handshaking', time, 0, http) +
      point('http_req_sending', time, 0.021, http) +
      point('http_req_waiting', time, elapsed, http) +
      point('http_req_receiving', time, 0.1, http) +
      point('http_req_failed', time, failed ? 1 : 0, http) +
      point('data_sent', time, 98, iteration) +
      point('data_received', time, 512, iteration) +
      point('iteration_duration', time, elapsed + 0.5, iteration) +
      point('iterations', time, 1, iteration)
    );
  });
}
