import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStringPromise } from 'xml2js';
import { escapeAttribute, escapeText, XmlWriter, xmlChars } from '../../../src/report/xml.ts';

/** The parts a writer hands on while `write` uses it, and after its end. */
function parts(write: (xml: XmlWriter) => void): string[] {
  const emitted: string[] = [];
  const xml = new XmlWriter((part) => emitted.push(part));
  write(xml);
  xml.end();
  return emitted;
}

/** The attribute and the text of <e>, as a real parser reads them back. */
async function roundTrip(value: string): Promise<{ attribute: string; text: string }> {
  const xml = parts((writer) => writer.element('e', { a: value }, value)).join('');
  const parsed = (await parseStringPromise(xml)) as { e: { $: { a: string }; _?: string } };
  return { attribute: parsed.e.$.a, text: parsed.e._ ?? '' };
}

test('characters XML cannot carry are dropped; tab, newline, CR and emoji are kept', async () => {
  const input = 'a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\ti\nj\rk🧨';
  assert.equal(xmlChars(input), 'abcdefgh\ti\nj\rk🧨');
  assert.deepEqual(await roundTrip(input), { attribute: 'abcdefgh\ti\nj\rk🧨', text: 'abcdefgh\ti\nj\rk🧨' });
});

test('unpaired UTF-16 surrogates are dropped, pairs kept, in any position', () => {
  const high = '\uD83E';
  const low = '\uDDE8';
  assert.equal(xmlChars(`x${high}y`), 'xy');
  assert.equal(xmlChars(`x${low}y`), 'xy');
  assert.equal(xmlChars(`${high}`), '');
  assert.equal(xmlChars(`${low}${high}`), '', 'a reversed pair is two lone halves');
  assert.equal(xmlChars(`${high}${high}${low}`), `${high}${low}`, 'the first high has no partner');
  assert.equal(xmlChars(`${high}${low}${low}`), `${high}${low}`);
  assert.equal(xmlChars('🧨'), '🧨');
  // Encodable as UTF-8 once cleaned: a lone surrogate would become U+FFFD or throw in some writers.
  assert.equal(Buffer.from(xmlChars(`a${high}b${low}c`), 'utf8').toString('utf8'), 'abc');
});

test('attributes: quotes, markup, ampersands, tab and newline survive a parser unchanged', async () => {
  const value = 'say "hi" <b> & \'x\' >\tcol\nline';
  assert.equal(escapeAttribute(value), "say &quot;hi&quot; &lt;b&gt; &amp; 'x' &gt;&#x9;col&#xA;line");
  assert.equal((await roundTrip(value)).attribute, value);
});

test("text: ']]>' and markup are escaped, also when a dropped character made them", async () => {
  for (const value of [']]>', 'a ]]> b ]]> c', ']]]]>>', ']]\u0000>', '<![CDATA[x]]>', '&amp; literally']) {
    assert.ok(!escapeText(value).includes(']]>'), value);
    assert.equal((await roundTrip(value)).text, xmlChars(value), JSON.stringify(value));
  }
});

test('elements: empty ones close themselves; undefined attributes are left out; order is kept', () => {
  const xml = parts((writer) =>
    writer
      .open('root', { b: 1, a: undefined, c: 'x' })
      .element('empty', { n: 0 })
      .element('full', {}, 'text')
      .close('root'),
  ).join('');
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?>\n<root b="1" c="x">\n<empty n="0"/>\n<full>text</full>\n</root>\n',
  );
});

test('a large document is handed on in parts as it is written, each ending after a whole element', async () => {
  const emitted = parts((writer) => {
    writer.open('root');
    for (let i = 0; i < 10_000; i++) writer.element('case', { name: `case ${i} "quoted"` }, `text ${i} <b>`);
    writer.close('root');
  });
  assert.ok(emitted.length > 5, `${emitted.length} parts`);
  for (const part of emitted) assert.match(part, />\n$/);
  const parsed = (await parseStringPromise(emitted.join(''))) as {
    root: { case: { $: { name: string } }[] };
  };
  assert.equal(parsed.root.case.length, 10_000);
  assert.equal(parsed.root.case[9_999]?.$.name, 'case 9999 "quoted"');
});
