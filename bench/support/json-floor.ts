// The floor for `report` on a JSON List: what Node does with JSON.parse and string concatenation and
// no checks at all. chaos-gate's figure is read against this one, measured in the same run.
//   node bench/support/json-floor.ts results.json junit.xml
import { readFileSync, writeFileSync } from 'node:fs';

interface Probe {
  name: string;
  status: { verdict: string; description?: string };
}
interface Result {
  metadata: { name: string; namespace: string };
  spec: { experiment: string };
  status: { experimentStatus: { verdict: string }; probeStatuses: Probe[] };
}

const [input = '', output = ''] = process.argv.slice(2);
const { items } = JSON.parse(readFileSync(input, 'utf8')) as { items: Result[] };
const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n';
for (const item of items) {
  xml += `<testsuite name="${escape(item.metadata.namespace)}/${escape(item.metadata.name)}">\n`;
  const failed = item.status.experimentStatus.verdict !== 'Pass';
  xml += `<testcase name="${escape(item.spec.experiment)}">${failed ? '<failure message="Fail"/>' : ''}</testcase>\n`;
  for (const probe of item.status.probeStatuses) {
    const bad = probe.status.verdict !== 'Passed';
    xml += `<testcase name="${escape(probe.name)}">${bad ? `<failure message="${escape(probe.status.description ?? '')}"/>` : ''}</testcase>\n`;
  }
  xml += '</testsuite>\n';
}
writeFileSync(output, `${xml}</testsuites>\n`);
