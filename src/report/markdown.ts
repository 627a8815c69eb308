// The Markdown summary (the GitHub job summary, or a file): the verdict, its reasons, and a table per
// suite. GitHub caps a step summary at 1 MiB.
import { judgementOf, type GateDecision, type Report } from './model.ts';

const maxChars = 900_000;
const icons = { passed: '✅ passed', failed: '❌ failed', error: '⛔ error', skipped: '⏭️ skipped' };

export function renderMarkdown(report: Report, decision: GateDecision): string {
  const { passed, failed, errored, skipped } = decision.counts;
  const lines = [
    `## ${decision.verdict === 'pass' ? '✅ Chaos gate passed' : '❌ Chaos gate failed'}`,
    '',
    `${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped` +
      (decision.probeSuccess === undefined ? '' : ` · probe success ${decision.probeSuccess}%`),
    '',
    ...decision.reasons.map((reason) => `- ${cell(reason)}`),
  ];
  for (const suite of report.suites) {
    lines.push('', `### ${cell(suite.name)}`, '', '| check | kind | status | details |', '|---|---|---|---|');
    for (const testCase of suite.cases) {
      const { status, allowedFailure } = judgementOf(decision, testCase);
      const shown = allowedFailure ? `${icons[status]} (allowed to fail)` : icons[status];
      lines.push(
        `| ${cell(testCase.name)} | ${testCase.kind} | ${shown} | ${cell(testCase.message ?? '')} |`,
      );
    }
  }
  const text = `${lines.join('\n')}\n`;
  return text.length <= maxChars
    ? text
    : `${text.slice(0, maxChars)}\n\n… summary cut at ${maxChars} characters; see the JSON report.\n`;
}

/** Table cells: no pipes or line breaks, which would break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
