// A self-contained HTML page (inline CSS, no scripts, no external assets) for CI artifact viewers such
// as Jenkins' archived artifacts.
import { judgementOf, type GateDecision, type Report } from './model.ts';

const style = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
.banner{padding:.8em 1em;border-radius:6px;font-size:1.3em;color:#fff}.pass{background:#2e7d32}.fail{background:#c62828}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #ddd;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f5f5f5}.passed{color:#2e7d32}.failed,.error{color:#c62828;font-weight:600}.skipped{color:#777}
pre{white-space:pre-wrap;margin:.3em 0}dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;color:#555}`;

export function renderHtml(report: Report, decision: GateDecision): string {
  const { passed, failed, errored, skipped } = decision.counts;
  const suites = report.suites.map((suite) => {
    const properties = Object.entries(suite.properties)
      .map(([name, value]) => `<dt>${escape(name)}</dt><dd>${escape(value)}</dd>`)
      .join('');
    const rows = suite.cases
      .map((testCase) => {
        const { status, allowedFailure } = judgementOf(decision, testCase);
        const details = testCase.details
          ? `<details><summary>${escape(testCase.message ?? 'details')}</summary><pre>${escape(testCase.details)}</pre></details>`
          : escape(testCase.message ?? '');
        return `<tr><td>${escape(testCase.name)}</td><td>${testCase.kind}</td><td class="${status}">${status}${allowedFailure ? ' (allowed to fail)' : ''}</td><td>${details}</td></tr>`;
      })
      .join('\n');
    return `<h2>${escape(suite.name)}</h2><dl>${properties}</dl>
<table><thead><tr><th>check</th><th>kind</th><th>status</th><th>details</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>chaos-gate: ${decision.verdict}</title><style>${style}</style></head>
<body>
<div class="banner ${decision.verdict}">Chaos gate ${decision.verdict === 'pass' ? 'passed' : 'failed'} — ${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped${decision.probeSuccess === undefined ? '' : `, probe success ${decision.probeSuccess}%`}</div>
<ul>${decision.reasons.map((reason) => `<li>${escape(reason)}</li>`).join('')}</ul>
${suites.join('\n')}
</body></html>
`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
