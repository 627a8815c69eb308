// JMeter results (JTL), in either format JMeter saves them in:
//  - CSV with a header (the default). Columns depend on jmeter.save.saveservice.* settings, so they
//    are read by name: timeStamp (epoch ms), elapsed (ms), success (true/false). The delimiter
//    (jmeter.save.saveservice.default_delimiter) is the character after the header's first name, as
//    JMeter itself finds it when it reads a JTL back.
//  - XML (jmeter.save.saveservice.output_format=xml): a <testResults> root and an element per request
//    (<httpSample>, or <sample> for other samplers) with the same figures as attributes: ts, t, s, lb,
//    rc, rm; a failed assertion's message in a child <assertionResult>. Nested samples (redirects,
//    embedded resources) belong to their parent and are not counted again.
// A Transaction Controller's sample is no request: it sums up the samples inside it, which JMeter
// writes as well (beside it, or nested in it with "Generate parent sample"); counting it too would
// count each failure twice. JMeter marks it by its response message, as its own report does.
import { SaxesParser } from 'saxes';
import { ConfigError } from '../errors.ts';
import { badField, csvNumber, csvRecords } from './csv.ts';
import type { LineReader } from './line-reader.ts';
import { isDuration, isTime, type Sample } from './samples.ts';

export function jtlReader(source: string, onSample: (sample: Sample) => void): LineReader {
  let format: LineReader | undefined;
  return {
    line(text, number) {
      format ??= text.trimStart().startsWith('<') ? xmlReader(source, onSample) : csvReader(source, onSample);
      format.line(text, number);
    },
    end: () => format?.end(),
  };
}

/** The character after the header's first column name: `timeStamp;elapsed;…` is `;`. */
function jtlDelimiter(header: string): string {
  const after = /^[A-Za-z]+(.)/.exec(header)?.[1];
  return after === undefined || after === '"' || /[\w ]/.test(after) ? ',' : after;
}

/** A first line that starts with a number or a date is a sample: JMeter was told to write no header. */
function headerless(header: string): string | undefined {
  return /^\s*"?\d/.test(header)
    ? 'the first line is a sample, not a header; JMeter writes none with ' +
        'jmeter.save.saveservice.print_field_names=false: set it to true (the default)'
    : undefined;
}

function csvReader(source: string, onSample: (sample: Sample) => void): LineReader {
  const format = { delimiterOf: jtlDelimiter, missingWhy: headerless };
  return csvRecords(
    source,
    ['timeStamp', 'elapsed', 'success'],
    (record) => {
      const startMs = csvNumber(
        record,
        'timeStamp',
        isTime,
        'epoch milliseconds (jmeter.save.saveservice.timestamp_format=ms)',
      );
      const elapsedMs = csvNumber(record, 'elapsed', isDuration, 'milliseconds, 0 or more');
      if (isTransaction(record.get('responseMessage'))) return;
      const success = record.get('success').trim().toLowerCase();
      if (success !== 'true' && success !== 'false') throw badField(record, 'success', 'true or false');
      onSample(
        success === 'true'
          ? { startMs, elapsedMs, success: true }
          : {
              startMs,
              elapsedMs,
              success: false,
              failure: jmeterFailure(
                record.get('label'),
                record.get('failureMessage'),
                record.get('responseCode'),
                record.get('responseMessage'),
              ),
            },
      );
    },
    format,
  );
}

/** A Transaction Controller's sample: "Number of samples in transaction : 2, number of failing samples : 1". */
function isTransaction(responseMessage = ''): boolean {
  return responseMessage.startsWith('Number of samples in transaction : ');
}

/** "label: failureMessage", or the response code and message when JMeter recorded no assertion message. */
function jmeterFailure(label = '', failureMessage = '', code = '', message = ''): string {
  const why = failureMessage || `${code} ${message}`.trim() || 'failed';
  return label ? `${label}: ${why}` : why;
}

/** One top-level sample while its element is open. */
interface OpenSample {
  line: number;
  /** Of the element, in the document: 2 at the top, more inside Transaction Controller samples. */
  depth: number;
  attributes: Record<string, string>;
  /** The message of the first failed assertion. */
  assertionFailure?: string;
}

/** One <assertionResult> while it is open: its <failure>/<error> flags and <failureMessage>. */
interface OpenAssertion {
  failed: boolean;
  message: string;
}

function xmlReader(source: string, onSample: (sample: Sample) => void): LineReader {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const path: string[] = [];
  let sample: OpenSample | undefined;
  let assertion: OpenAssertion | undefined;
  let text = '';
  /** How many Transaction Controller samples are open around the next sample. */
  let transactions = 0;
  let rooted = false;
  let pending = '';
  const fail = (line: number, why: string) => new ConfigError(`${source}: line ${line}: ${why}`);

  parser.on('opentag', ({ name, attributes }) => {
    path.push(name);
    text = '';
    if (path.length === 1) {
      if (name !== 'testResults')
        throw fail(parser.line, `<${name}> where JMeter's XML results start with <testResults>`);
      rooted = true;
    }
    const depth = path.length;
    if (!sample && depth === 2 + transactions) {
      if (isTransaction(attributes.rm)) transactions++;
      else sample = { line: parser.line, depth, attributes };
    } else if (sample && depth === sample.depth + 1 && name === 'assertionResult')
      assertion = { failed: false, message: '' };
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('closetag', ({ name }) => {
    const depth = path.length;
    if (sample && assertion && depth === sample.depth + 2) {
      if ((name === 'failure' || name === 'error') && text.trim() === 'true') assertion.failed = true;
      if (name === 'failureMessage') assertion.message = text;
    } else if (sample && assertion && depth === sample.depth + 1) {
      if (assertion.failed && sample.assertionFailure === undefined)
        sample.assertionFailure = assertion.message;
      assertion = undefined;
    } else if (sample && depth === sample.depth) {
      onSample(toSample(sample, fail));
      sample = undefined;
    } else if (!sample && transactions > 0 && depth === 1 + transactions) transactions--;
    path.pop();
    text = '';
  });
  parser.on('error', (error) => {
    // saxes puts the position first ("source:3:9: unexpected close tag."): the line is said our way.
    const what = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    throw fail(parser.line, `not well-formed XML: ${what}`);
  });

  return {
    // Handed to the parser some 64 KiB at a time: a write a line read a million samples 27% slower.
    line(line) {
      pending += `${line}\n`;
      if (pending.length >= 1 << 16) {
        parser.write(pending);
        pending = '';
      }
    },
    // JMeter killed before it wrote </testResults> leaves the file open: the samples it closed count,
    // one it was still writing does not.
    end() {
      parser.write(pending);
      pending = '';
      if (!rooted) throw new ConfigError(`${source}: no <testResults> element: not JMeter's XML results`);
    },
  };
}

function toSample(open: OpenSample, fail: (line: number, why: string) => ConfigError): Sample {
  const { attributes: a, line } = open;
  const number = (name: string, valid: (value: number) => boolean, expected: string): number => {
    const value = a[name] === undefined || a[name].trim() === '' ? Number.NaN : Number(a[name]);
    if (!valid(value)) throw fail(line, `${name}=${JSON.stringify(a[name] ?? '')}: expected ${expected}`);
    return value;
  };
  const startMs = number('ts', isTime, 'epoch milliseconds');
  const elapsedMs = number('t', isDuration, 'milliseconds, 0 or more');
  if (a.s !== 'true' && a.s !== 'false')
    throw fail(line, `s=${JSON.stringify(a.s ?? '')}: expected true or false`);
  if (a.s === 'true') return { startMs, elapsedMs, success: true };
  return {
    startMs,
    elapsedMs,
    success: false,
    failure: jmeterFailure(a.lb, open.assertionFailure, a.rc, a.rm),
  };
}
