// Reading a user's file in chunks: whatever the chunk size, the same lines, and the same message for a
// byte that is not UTF-8 (its offset and line in the whole file). UTF-16 with a byte-order mark reads
// as the same text.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MiB, maxLineChars, readInputFile, readInputLines } from '../../src/files.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-files-'));
let count = 0;
function fileOf(content: string | Buffer): string {
  const file = path.join(dir, `input-${++count}`);
  writeFileSync(file, content);
  return file;
}

/** Chunk sizes that split every multi-byte character and CRLF somewhere, and the default. */
const chunkSizes = [1, 2, 3, 4, 5, 7, 64, MiB];

function linesOf(file: string, chunkBytes: number): [string, number][] {
  const lines: [string, number][] = [];
  readInputLines(file, 'results', (line, number) => lines.push([line, number]), chunkBytes);
  return lines;
}

test('the same numbered lines at every chunk size: multi-byte characters, CRLF, a BOM, no final line break', () => {
  const file = fileOf('\uFEFFtimeStamp,label\r\n1,café 🧨\n\n2,"quoted\r\nline"\r\n3,日本語 — end');
  const expected: [string, number][] = [
    ['timeStamp,label', 1],
    ['1,café 🧨', 2],
    ['', 3],
    ['2,"quoted', 4],
    ['line"', 5],
    ['3,日本語 — end', 6],
  ];
  for (const size of chunkSizes) assert.deepEqual(linesOf(file, size), expected, `chunks of ${size} bytes`);
});

test('a byte that is not UTF-8 is named by its offset and line, at every chunk size', () => {
  const good = Buffer.from('ok\nstill ok, café 🧨\n'); // 23 bytes, 2 lines
  const more = Buffer.from('\nmore\n');
  const cases: [string, Buffer, number, number][] = [
    ['a lone continuation byte', Buffer.concat([Buffer.from([0x80]), more]), good.length, 3],
    ['a 3-byte character cut short', Buffer.concat([Buffer.from([0xe2, 0x82, 0x78]), more]), good.length, 3],
    ['an overlong encoding', Buffer.concat([Buffer.from([0xc0, 0xaf]), more]), good.length, 3],
    [
      'a 4-byte character cut off by the end of the file',
      Buffer.from([0x78, 0xf0, 0x9f]),
      good.length + 1,
      3,
    ],
    ['Latin-1 after a line break', Buffer.from('\ncaf\xe9\nmore\n', 'latin1'), good.length + 4, 4],
  ];
  for (const [what, bad, offset, line] of cases) {
    const file = fileOf(Buffer.concat([good, bad]));
    const message = `${file}: cannot read the results: not valid UTF-8 (first bad byte at offset ${offset}, line ${line})`;
    for (const size of chunkSizes) {
      assert.throws(() => linesOf(file, size), { message }, `${what}, chunks of ${size} bytes`);
    }
    // Read whole, the same message.
    assert.throws(() => readInputFile(file, 'results'), { message }, what);
  }
});

/** `text` in UTF-16 with its byte-order mark, as Windows PowerShell 5.1 writes a redirected command's output. */
function utf16(text: string, order: 'LE' | 'BE'): Buffer {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'LE' ? bytes : bytes.swap16();
}

test('UTF-16 with its byte-order mark reads as the same text and lines as UTF-8, at every chunk size', () => {
  const text = 'apiVersion: v1\r\nkind: List # café 🧨\n\nitems: []\n日本語 — end';
  const expected = linesOf(fileOf(text), MiB);
  for (const order of ['LE', 'BE'] as const) {
    const file = fileOf(utf16(text, order));
    assert.equal(readInputFile(file, 'results'), text, `UTF-16${order} read whole`);
    for (const size of chunkSizes)
      assert.deepEqual(linesOf(file, size), expected, `UTF-16${order}, chunks of ${size} bytes`);
  }
});

test('UTF-16 that breaks off is refused, naming the file and the encoding', () => {
  const cases: [string, Buffer][] = [
    ['half of a surrogate pair', utf16('kind: List\n\uD83D', 'LE')],
    ['an odd byte at the end', Buffer.concat([utf16('kind: List\n', 'BE'), Buffer.from([0x00])])],
  ];
  for (const [what, bytes] of cases) {
    const file = fileOf(bytes);
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const message = `${file}: cannot read the results: not valid ${encoding} (half of a surrogate pair, or an odd byte at the end)`;
    assert.throws(() => readInputFile(file, 'results'), { message }, what);
    for (const size of chunkSizes)
      assert.throws(() => linesOf(file, size), { message }, `${what}, chunks of ${size}`);
  }
});

test('UTF-16 whose byte-order mark was left out is refused by name, not read as text full of zero bytes', () => {
  for (const order of ['LE', 'BE'] as const) {
    // The mark is the first two bytes utf16() writes.
    const file = fileOf(utf16('apiVersion: v1\nkind: List\n', order).subarray(2));
    const message = `${file}: cannot read the results: UTF-16 without a byte-order mark, it seems; save it as UTF-8 (or UTF-16 with its mark)`;
    assert.throws(() => readInputFile(file, 'results'), { message }, order);
    for (const size of chunkSizes)
      assert.throws(() => linesOf(file, size), { message }, `${order}, chunks of ${size}`);
  }
  // A first character that is not ASCII is still UTF-8.
  assert.equal(readInputFile(fileOf('é: 1\n'), 'results'), 'é: 1\n');
});

test('a file without line breaks is refused once a line passes the limit, not read into memory', () => {
  const file = fileOf(Buffer.alloc(maxLineChars + MiB, 'a'));
  assert.throws(() => linesOf(file, MiB), {
    message: `${file}: cannot read the results: line 1 is longer than ${maxLineChars / MiB} MiB; is this a line-based file?`,
  });
});
