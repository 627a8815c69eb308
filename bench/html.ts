/// <reference lib="dom" />
// Opening the HTML report of `chaos-gate report` on many ChaosResults × 5 probes in headless Chromium
// (/usr/bin/chromium, scripts/install-test-tools.sh, driven by playwright-core), beside two floors
// opened in the same run: the same page without its Checks section, and the same page with the
// Checks section as its bare text in one <pre> (its words without its elements). Also the page with
// its stylesheet's content-visibility rule taken out, to show what that rule buys, and, given another
// build's CLI, that build's page ("before"). Pages take turns, each opened in a fresh tab; per page,
// the median [min–max] of: wall time from navigation to the second frame after the load event (the
// page laid out and painted), the renderer main thread's CPU time over the same (CDP
// Performance.getMetrics TaskDuration in thread ticks, which other work on the machine does not
// inflate), and the number of DOM nodes. Prints figures; asserts nothing.
//   node bench/html.ts [sizes, default 1000,10000] [runs, default 5] [another build's dist/cli.js]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/support/chromium.ts';
import { writeResults } from './support/results.ts';
import { printPreamble, printTable, spread } from './support/table.ts';

const root = path.resolve(import.meta.dirname, '..');
const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const beforeCli = process.argv[4] && path.resolve(process.argv[4]);
const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-bench-html-'));

/** `chaos-gate report --html` with `cli`; the generated results fail the gate on purpose (exit 1). */
function writePage(cli: string, results: string, html: string): void {
  const run = spawnSync(process.execPath, [cli, 'report', '--results', results, '--html', html], {
    encoding: 'utf8',
  });
  if (run.status !== 1) throw new Error(`${cli} report exited ${run.status}: ${run.stderr.slice(-500)}`);
}

const checksSection = /<section id="suites">[\s\S]*<\/section>/;

/** A variant of `page` (a file written by the CLI) named `name`, with its own copy of the stylesheet. */
function variant(page: string, name: string, html: (text: string) => string, css = (text: string) => text) {
  const text = readFileSync(page, 'utf8');
  const sheet = /<link rel="stylesheet" href="([^"]+)">/.exec(text)?.[1] ?? '';
  const file = path.join(path.dirname(page), `${name}.html`);
  writeFileSync(
    path.join(path.dirname(page), `${name}.css`),
    css(readFileSync(path.join(path.dirname(page), sheet), 'utf8')),
  );
  writeFileSync(file, html(text).replace(`href="${sheet}"`, `href="${name}.css"`));
  return file;
}

const bareText = (html: string) =>
  html.replace(checksSection, (section) => {
    const text = section.replace(/<[^>]*>/g, '');
    return `<pre>${text.replace(/</g, '&lt;')}</pre>`;
  });

interface Opened {
  wallMs: number;
  cpuMs: number;
  nodes: number;
}

printPreamble('HTML report: time to open in headless Chromium');
const context = await launchChromium();

async function open(file: string): Promise<Opened> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const started = performance.now();
  await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 300_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const wallMs = performance.now() - started;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  await page.close();
  return { wallMs, cpuMs: metric('TaskDuration') * 1000, nodes: metric('Nodes') };
}

try {
  for (const size of sizes) {
    const results = path.join(dir, `results-${size}.json`);
    writeResults(size, results, path.join(dir, `results-${size}.yaml`));
    const page = path.join(dir, `now-${size}.html`);
    writePage(path.join(root, 'dist/cli.js'), results, page);
    const pages: [string, string][] = [
      [
        'floor: the page without its Checks section',
        variant(page, `no-checks-${size}`, (t) => t.replace(checksSection, '')),
      ],
      ['floor: its Checks section as bare text', variant(page, `bare-${size}`, bareText)],
      ['the page now', page],
      [
        'the page now without content-visibility',
        variant(
          page,
          `no-cv-${size}`,
          (t) => t,
          (css) => css.replaceAll('content-visibility:auto;', ''),
        ),
      ],
    ];
    if (beforeCli) {
      const before = path.join(dir, `before-${size}.html`);
      writePage(beforeCli, results, before);
      pages.push(['before (the other build)', before]);
    }
    const opened = pages.map((): Opened[] => []);
    for (let run = 0; run < runs; run++)
      for (const [i, [, file]] of pages.entries()) opened[i]?.push(await open(file));
    const floorCpu = opened[0]?.map((o) => o.cpuMs) ?? [];
    printTable(
      `${size} ChaosResults × 5 probes, ${runs} runs`,
      ['page', 'size', 'nodes', 'wall to painted', 'main-thread CPU', 'CPU × floor'],
      pages.map(([label, file], i) => {
        const each = opened[i] ?? [];
        const cpu = each.map((o) => o.cpuMs);
        const median = (values: number[]) =>
          values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
        return [
          label,
          `${(statSync(file).size / 1e6).toFixed(1)} MB`,
          String(median(each.map((o) => o.nodes))),
          spread(
            each.map((o) => o.wallMs),
            's',
          ),
          spread(cpu, 's'),
          `${(median(cpu) / median(floorCpu)).toFixed(1)}x`,
        ];
      }),
    );
  }
} finally {
  await context.close();
}
