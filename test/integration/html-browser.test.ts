/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report as a person sees it: Debian's Chromium (installed by scripts/install-test-tools.sh),
// driven by playwright-core, opens the report twice — as a file, and served with the
// Content-Security-Policy Jenkins puts on published HTML — and reads the page. Screenshots are kept in
// test-artifacts/ (not committed).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { resolveConfig } from '../../src/config/load.ts';
import { conclude } from '../../src/run/publish.ts';
import { launchChromium } from '../support/chromium.ts';
import { repoRoot } from '../support/fixtures.ts';
import { manyEngines, withLoad } from '../support/reports.ts';

/** Jenkins' default for files it serves from a build (hudson.model.DirectoryBrowserSupport.CSP). */
const jenkinsCsp = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
const artifacts = path.join(repoRoot, 'test-artifacts');

let browser: BrowserContext;
let server: Server;
let dir: string;
const report = withLoad();

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-html-'));
  const config = resolveConfig({ reports: { html: path.join(dir, 'report.html') } });
  conclude(config, report, { runId: 'cg-browser-1' }, () => {});
  // The same page with an inline style, to show the check below sees what the policy refuses.
  const page = readFileSync(path.join(dir, 'report.html'), 'utf8');
  writeFileSync(path.join(dir, 'inline.html'), page.replace('<h1>', '<h1 style="color:red">'));
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Jenkins serves its own favicon; the report has none and needs none.
    if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
    const file = path.join(dir, path.basename(url.pathname));
    const type = file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': jenkinsCsp });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens a page and records what the browser refused or complained about while loading it. */
async function open(url: string): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  // CSP refusals reach the log, not the page's console API: listen at the protocol level.
  const cdp = await browser.newCDPSession(page);
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' || /Content Security Policy|Refused/.test(entry.text))
      refused.push(entry.text);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      refused.push(message.text());
  });
  page.on('pageerror', (error) => refused.push(error.message));
  page.on('requestfailed', (request) => refused.push(`failed to load ${request.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, refused };
}

/** What a person sees, read from the DOM. */
async function readPage(page: Page) {
  return page.evaluate(() => {
    const banner = document.querySelector('.banner');
    const suites = [...document.querySelectorAll('#suites > .suite')];
    const firstTable = suites[0]?.querySelector('tbody');
    const chart = document.querySelector('#load svg');
    const points = (name: string) =>
      [...(chart?.querySelectorAll(`circle.point.${name}`) ?? [])].map((c) => ({
        x: Number(c.getAttribute('cx')),
        y: Number(c.getAttribute('cy')),
      }));
    return {
      bannerBackground: banner ? getComputedStyle(banner).backgroundColor : '',
      suiteKinds: suites.map(
        (s) => `${s.tagName.toLowerCase()}.${s.classList.contains('failing') ? 'failing' : 'passing'}`,
      ),
      passingOpen: suites.filter((s) => s.tagName === 'DETAILS').map((s) => (s as HTMLDetailsElement).open),
      firstRows: [...(firstTable?.querySelectorAll('tr') ?? [])].map((r) => r.className),
      bands: [...(chart?.querySelectorAll('rect.chaos-window') ?? [])].map((r) => ({
        x: Number(r.getAttribute('x')),
        width: Number(r.getAttribute('width')),
      })),
      p95: points('p95'),
      errors: points('errors'),
      facts: document.querySelector('dl.facts')?.textContent ?? '',
    };
  });
}

const series = report.suites.find((s) => s.kind === 'load')?.series;

for (const mode of ['as a file', "served with Jenkins' CSP"] as const) {
  test(`HTML report ${mode}: styled, failures first, one band per chaos window, the chart's points`, async () => {
    const url =
      mode === 'as a file'
        ? `file://${dir}/report.html`
        : `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`;
    const { page, refused } = await open(url);
    const seen = await readPage(page);
    await page.screenshot({
      path: path.join(artifacts, `html-report-${mode === 'as a file' ? 'file' : 'jenkins-csp'}.png`),
      fullPage: true,
    });
    await page.close();

    assert.deepEqual(refused, [], 'nothing refused or broken');
    assert.equal(seen.bannerBackground, 'rgb(198, 40, 40)', 'the stylesheet applied');
    assert.deepEqual(seen.suiteKinds, ['section.failing', 'section.failing']);
    assert.deepEqual(seen.firstRows, ['failed', 'failed', 'passed', 'passed', 'passed'], 'failed rows first');
    assert.match(
      seen.facts,
      /run idcg-browser-1started2026-11-20T10:00:00Zended2026-11-20T10:02:00Zduration2m00s/,
    );

    assert.equal(seen.bands.length, series?.chaosWindows.length, 'one shaded band per chaos window');
    const withRequests = series?.buckets.filter((b) => b.requests > 0).length;
    assert.equal(seen.p95.length, withRequests);
    assert.equal(seen.errors.length, withRequests);
    // Inside a band the p95 is drawn higher (smaller y) than outside, as the samples say.
    const inBand = (x: number) => seen.bands.some((b) => x >= b.x && x <= b.x + b.width);
    const highest = (points: { x: number; y: number }[]) => Math.min(...points.map((p) => p.y));
    assert.ok(highest(seen.p95.filter((p) => inBand(p.x))) < highest(seen.p95.filter((p) => !inBand(p.x))));
  });
}

test("the check sees what Jenkins' CSP refuses: an inline style is reported", async () => {
  const { page, refused } = await open(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/inline.html`,
  );
  await page.close();
  assert.ok(
    refused.some((text) => text.includes('inline style') && text.includes("directive 'style-src 'self''")),
    refused.join('\n'),
  );
});

test('the passing suites are folded away', async () => {
  const passing = withLoad();
  passing.suites = passing.suites.map((s) => ({ ...s, cases: s.cases.filter((c) => c.outcome === 'pass') }));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-html-'));
  conclude(resolveConfig({ reports: { html: path.join(folder, 'report.html') } }), passing, {}, () => {});
  const { page, refused } = await open(`file://${folder}/report.html`);
  const seen = await readPage(page);
  await page.close();
  assert.deepEqual(refused, []);
  assert.deepEqual(seen.suiteKinds, ['details.passing', 'details.passing']);
  assert.deepEqual(seen.passingOpen, [false, false]);
});

test('1,000 engines: the failed checks are shown without opening anything, and every check is in the page', async () => {
  const report = manyEngines(1_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-html-'));
  conclude(resolveConfig({ reports: { html: path.join(folder, 'report.html') } }), report, {}, () => {});
  const { page, refused } = await open(`file://${folder}/report.html`);
  const seen = await page.evaluate(() => {
    const suites = [...document.querySelectorAll('#suites > .suite')];
    const checks = suites.flatMap((suite) => {
      const name = suite.querySelector('h3')?.textContent ?? '';
      const rows = [...suite.querySelectorAll('tbody tr')].map((row) => ({
        check: row.querySelector('td')?.textContent ?? '',
        status: row.className,
        folded: row.closest('details:not([open])') !== null,
      }));
      // A line of a folded suite: name · kind · status · ...
      const lines = [...suite.querySelectorAll('ul.checks > li')].map((line) => {
        const [check = '', , status = ''] = (line.textContent ?? '').split(' · ');
        return { check, status, folded: line.closest('details:not([open])') !== null };
      });
      return [...rows, ...lines].map((c) => ({ suite: name, ...c }));
    });
    return {
      kinds: suites.map((s) => s.tagName.toLowerCase()),
      checks,
      elements: document.querySelectorAll('#suites *').length,
      // Laid out only when scrolled near: what lets a page of thousands of suites open in seconds.
      skippedOffscreen: suites.filter((s) => getComputedStyle(s).contentVisibility === 'auto').length,
    };
  });
  await page.close();
  assert.deepEqual(refused, []);
  // The 143 suites with a failed check come first, open.
  assert.deepEqual(seen.kinds, [
    ...Array<string>(143).fill('section'),
    ...Array<string>(857).fill('details'),
  ]);
  const failed = seen.checks.filter((c) => c.status === 'failed');
  assert.equal(failed.length, 286);
  assert.ok(
    failed.every((c) => !c.folded),
    'no failed check is folded away',
  );
  const expected = report.suites.flatMap((suite) =>
    suite.cases.map((c) => `${suite.name} › ${c.name} › ${c.outcome === 'fail' ? 'failed' : 'passed'}`),
  );
  const listed = seen.checks.map((c) => `${c.suite} › ${c.check} › ${c.status}`);
  assert.deepEqual(listed.toSorted(), expected.toSorted(), 'every check, once, with its status');
  assert.equal(seen.skippedOffscreen, 1_000);
  // A passing check is a line, not a row of five cells: 6,000 checks were 55,000 elements.
  assert.ok(seen.elements < 5 * 6_000, `${seen.elements} elements`);
});
