// The floors for `report` on a JSON List: what Node does with JSON.parse and string concatenation and
// no checks at all. chaos-gate's figure is read against them, measured in the same run.
//   node bench/support/json-floor.ts results.json junit.xml [same]
// Without `same`: a minimal JUnit (suite and case names, failures), 3.2 MB for 10,000 results.
// With `same`: byte for byte the JUnit chaos-gate writes for the generated results (class names,
// counts, times, timestamps, host, failure bodies, the Ant schema's elements), 8.4 MB: the cost of
// writing what readers need, by hand, for these results only.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

interface Probe {
  name: string;
  status: { verdict: string; description?: string };
}
interface Result {
  metadata: { name: string; namespace: string; creationTimestamp: string };
  spec: { engine: string; experiment: string };
  status: { experimentStatus: { verdict: string }; probeStatuses: Probe[] };
}

const [input = '', output = '', mode] = process.argv.slice(2);
const { items } = JSON.parse(readFileSync(input, 'utf8')) as { items: Result[] };
const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
writeFileSync(output, mode === 'same' ? sameJUnit(items) : minimalJUnit(items));

function minimalJUnit(results: Result[]): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n';
  for (const item of results) {
    xml += `<testsuite name="${escape(item.metadata.namespace)}/${escape(item.metadata.name)}">\n`;
    const failed = item.status.experimentStatus.verdict !== 'Pass';
    xml += `<testcase name="${escape(item.spec.experiment)}">${failed ? '<failure message="Fail"/>' : ''}</testcase>\n`;
    for (const probe of item.status.probeStatuses) {
      const bad = probe.status.verdict !== 'Passed';
      xml += `<testcase name="${escape(probe.name)}">${bad ? `<failure message="${escape(probe.status.description ?? '')}"/>` : ''}</testcase>\n`;
    }
    xml += '</testsuite>\n';
  }
  return `${xml}</testsuites>\n`;
}

function sameJUnit(results: Result[]): string {
  const host = escape(os.hostname());
  const testCase = (suite: string, name: string, failure?: string) =>
    failure === undefined
      ? `<testcase classname="${suite}" name="${name}" time="0"/>\n`
      : `<testcase classname="${suite}" name="${name}" time="0">\n<failure message="${failure}" type="fail">${failure}</failure>\n</testcase>\n`;
  let body = '';
  let tests = 0;
  let failures = 0;
  for (const { metadata, spec, status } of results) {
    const suite = `${escape(metadata.namespace)}/${escape(spec.engine)}`;
    const experiment = escape(spec.experiment);
    const failedProbes = status.probeStatuses.filter((p) => p.status.verdict !== 'Passed');
    const experimentFailed = status.experimentStatus.verdict !== 'Pass';
    const failed = failedProbes.length + (experimentFailed ? 1 : 0);
    const count = 1 + status.probeStatuses.length;
    tests += count;
    failures += failed;
    body += `<testsuite name="${suite}" tests="${count}" failures="${failed}" errors="0" skipped="0" time="0" timestamp="${metadata.creationTimestamp}" hostname="${host}">\n`;
    body += `<properties>\n<property name="engine" value="${suite}"/>\n</properties>\n`;
    const [first] = failedProbes;
    body += testCase(
      suite,
      experiment,
      experimentFailed
        ? escape(`probe ${first?.name} failed: ${first?.status.description ?? ''}`)
        : undefined,
    );
    for (const probe of status.probeStatuses)
      body += testCase(
        suite,
        `${experiment} / probe ${escape(probe.name)}`,
        probe.status.verdict === 'Passed' ? undefined : escape(probe.status.description ?? ''),
      );
    body += '<system-out/>\n<system-err/>\n</testsuite>\n';
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="chaos-gate" tests="${tests}" failures="${failures}" errors="0" time="0">\n${body}</testsuites>\n`;
}
