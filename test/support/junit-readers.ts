// The JUnit readers users have, run on a file the way each reads it, and the two schemas every file
// must pass: the Jenkins xunit plugin's junit-10.xsd rules and the Ant format (test/schemas/).
// - dorny/test-reporter parses with xml2js (java-junit parser): a case is failed when it has a
//   <failure> or <error>, skipped when it has <skipped>; its message is `type: message`; times are
//   parseFloat(time) (× 1000 for its milliseconds; kept in seconds here), so a missing time is NaN.
// - mikepenz/action-junit-report parses with xml-js (compact): the same rule for failed and skipped;
//   the annotation's message is the failure's `message` attribute, else its text.
// - Python's junitparser (in .tools/python, see scripts/install-test-tools.sh).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { xml2js as xmlJs } from 'xml-js';
import { parseStringPromise } from 'xml2js';
import { repoRoot } from './fixtures.ts';
import { notInstalled, testTool } from './tools.ts';

export type ReadResult = 'passed' | 'failure' | 'error' | 'skipped';

/** One case as a reader shows it. */
export interface ReadCase {
  suite: string;
  classname: string;
  name: string;
  result: ReadResult;
  /** The failure's, error's or skip's message. */
  message?: string;
  time: number;
}

export interface ReadReport {
  /** The run's length as the reader shows it (dorny only: the root's `time`, else the suites' sum). */
  time?: number;
  /** `output`: the suite's <system-out>, as EnricoMi's action reads it (junitparser only). */
  suites: { name: string; tests: number; time: number; output?: string }[];
  cases: ReadCase[];
}

const schemas = ['jenkins-xunit-junit-10.xsd', 'ant-junit.xsd'].map((f) =>
  path.join(repoRoot, 'test/schemas', f),
);

/** Runs xmllint against both schemas; throws with xmllint's messages when the file does not validate. */
export function assertValidJUnit(xml: string): void {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-junit-')), 'junit.xml');
  writeFileSync(file, xml);
  for (const schema of schemas) {
    try {
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notInstalled('xmllint');
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      assert.fail(`${path.basename(schema)} rejects the JUnit:\n${stderr}\n${xml.slice(0, 4000)}`);
    }
  }
}

interface X2jNode {
  $?: Record<string, string>;
  _?: string;
}
interface X2jCase extends X2jNode {
  failure?: (X2jNode | string)[];
  error?: (X2jNode | string)[];
  skipped?: (X2jNode | string)[];
}
interface X2jSuite extends X2jNode {
  testcase?: X2jCase[];
}

/** What dorny/test-reporter reads (xml2js, its java-junit rules). */
export async function readAsDorny(xml: string): Promise<ReadReport> {
  const parsed = (await parseStringPromise(xml)) as { testsuites: X2jNode & { testsuite?: X2jSuite[] } };
  const suites = parsed.testsuites.testsuite ?? [];
  const sum = suites.reduce((total, s) => total + parseFloat(s.$?.time ?? ''), 0);
  const root = parseFloat(parsed.testsuites.$?.time ?? '');
  const attr = (node: X2jNode | string | undefined, name: string) =>
    typeof node === 'object' ? node.$?.[name] : undefined;
  return {
    time: Number.isNaN(root) ? sum : root,
    suites: suites.map((s) => ({
      name: s.$?.name?.trim() ?? '',
      tests: Number(s.$?.tests),
      time: parseFloat(s.$?.time ?? ''),
    })),
    cases: suites.flatMap((s) =>
      (s.testcase ?? []).map((tc): ReadCase => {
        const problem = (tc.failure ?? tc.error)?.[0];
        const result: ReadResult = tc.failure
          ? 'failure'
          : tc.error
            ? 'error'
            : tc.skipped
              ? 'skipped'
              : 'passed';
        // dorny shows `type: message`; the skip message is in the parsed object though dorny does not show it.
        const message = problem
          ? `${attr(problem, 'type')}: ${attr(problem, 'message')}`
          : attr(tc.skipped?.[0], 'message');
        return {
          suite: s.$?.name ?? '',
          classname: tc.$?.classname ?? '',
          name: tc.$?.name?.trim() ?? '',
          result,
          message,
          time: parseFloat(tc.$?.time ?? ''),
        };
      }),
    ),
  };
}

interface XjsNode {
  _attributes?: Record<string, string>;
  _text?: string | string[];
  _cdata?: string | string[];
}
type XjsMany<T> = T | T[] | undefined;
interface XjsCase extends XjsNode {
  failure?: XjsMany<XjsNode>;
  error?: XjsMany<XjsNode>;
  skipped?: XjsMany<XjsNode>;
}
interface XjsSuite extends XjsNode {
  testcase?: XjsMany<XjsCase>;
}

const many = <T>(value: XjsMany<T>): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** What mikepenz/action-junit-report reads (xml-js compact, its testParser rules). */
export function readAsMikepenz(xml: string): ReadReport {
  const parsed = xmlJs(xml, { compact: true }) as { testsuites: { testsuite?: XjsMany<XjsSuite> } };
  const suites = many(parsed.testsuites.testsuite);
  return {
    suites: suites.map((s) => ({
      name: s._attributes?.name ?? '',
      tests: Number(s._attributes?.tests),
      time: many(s.testcase).reduce((sum, tc) => sum + parseFloat(tc._attributes?.time ?? '0'), 0),
    })),
    cases: suites.flatMap((s) =>
      many(s.testcase).map((tc): ReadCase => {
        const issue = [...many(tc.failure), ...many(tc.error)][0];
        const skipped = many(tc.skipped)[0];
        const result: ReadResult = tc.skipped
          ? 'skipped'
          : tc.failure
            ? 'failure'
            : tc.error
              ? 'error'
              : 'passed';
        // Its annotation text: the message attribute, else the body (an array when CDATA was split).
        const body = issue && String(issue._cdata ?? issue._text ?? '').trim();
        return {
          suite: s._attributes?.name ?? '',
          classname: tc._attributes?.classname ?? '',
          name: tc._attributes?.name ?? '',
          result,
          message: issue ? issue._attributes?.message || body : skipped?._attributes?.message,
          time: tc._attributes?.time === undefined ? 0 : parseFloat(tc._attributes.time),
        };
      }),
    ),
  };
}

const junitparserScript = `
import json, sys
from junitparser import JUnitXml, Failure, Error, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
suites, cases = [], []
for suite in xml:
    suites.append({"name": suite.name, "tests": suite.tests, "time": suite.time,
                   "output": suite._elem.findtext("system-out")})
    for case in suite:
        kinds = {Failure: "failure", Error: "error", Skipped: "skipped"}
        results = case.result
        first = results[0] if results else None
        cases.append({
            "suite": suite.name, "classname": case.classname, "name": case.name,
            "result": kinds[type(first)] if first is not None else "passed",
            "message": first.message if first is not None else None,
            "time": case.time,
        })
print(json.dumps({"suites": suites, "cases": cases}))
`;

/** What Python's junitparser reads. */
export function readAsJunitparser(xml: string): ReadReport {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-junit-')), 'junit.xml');
  writeFileSync(file, xml);
  const out = execFileSync(testTool('junitparser'), ['-c', junitparserScript, file]).toString();
  const read = JSON.parse(out) as ReadReport & { cases: (ReadCase & { message: string | null })[] };
  return {
    ...read,
    cases: read.cases.map(({ message, ...c }) => (message === null ? c : { ...c, message })),
  };
}

/**
 * The file validates against both schemas, and the three readers see the same suites, cases, results
 * and messages (dorny's `type: ` prefix aside), with a real time everywhere. Returns what they read.
 */
export async function assertReadAlike(xml: string): Promise<ReadReport> {
  assertValidJUnit(xml);
  const python = readAsJunitparser(xml);
  const dorny = await readAsDorny(xml);
  const mikepenz = readAsMikepenz(xml);
  for (const reader of [dorny, mikepenz]) {
    assert.deepEqual(
      reader.suites.map((s) => [s.name, s.tests]),
      python.suites.map((s) => [s.name, s.tests]),
    );
  }
  for (const suite of dorny.suites)
    assert.ok(Number.isFinite(suite.time), `dorny reads a time for suite ${suite.name}`);
  assert.equal(dorny.cases.length, python.cases.length);
  assert.equal(mikepenz.cases.length, python.cases.length);
  python.cases.forEach((expected, i) => {
    const d = dorny.cases[i] as ReadCase;
    const m = mikepenz.cases[i] as ReadCase;
    const where = `${expected.classname} › ${expected.name}`;
    for (const c of [d, m]) {
      assert.deepEqual(
        [c.classname, c.name, c.result, c.time],
        [expected.classname, expected.name, expected.result, expected.time],
        where,
      );
    }
    assert.ok(Number.isFinite(d.time), `dorny reads a time for ${where}`);
    assert.equal(m.message, expected.message, `mikepenz's message for ${where}`);
    if (expected.result === 'failure' || expected.result === 'error') {
      assert.match(d.message ?? '', /^[a-z]+: /, where);
      assert.equal(d.message?.replace(/^[a-z]+: /, ''), expected.message, `dorny's message for ${where}`);
    } else {
      assert.equal(d.message, expected.message, `dorny's message for ${where}`);
    }
  });
  return python;
}

/** Reads a JUnit file a test produced and checks it as above. */
export async function readCheckedJUnit(file: string): Promise<string> {
  const xml = readFileSync(file, 'utf8');
  await assertReadAlike(xml);
  return xml;
}
