// Random YAML texts in the block style kubectl writes, with near misses, to compare YAML readers on.

// Pieces of the block style kubectl writes, and near misses of each (some of them in the subset too).
// prettier-ignore
const keys = [
  'name', 'kind', 'app.kubernetes.io/name', 'a b', 'a:b', 'k#x', '"quoted key"', "'single'", '"a\\"b"',
  '1', '0x1F', 'true', '~', 'null', '.inf', 'constructor', 'toString', '""', '"0"', '07', 'NaN', 'é',
];
const oddKeys = ['k #x', '__proto__', '<<', '-1', '-k', '?k', ':k', '&k', 'k ', '"a":', "'a", '? k', '[k]'];
// prettier-ignore
const scalars = [
  'plain', 'two words', 'Probe passed', '0', '-0', '+1', '012', '0o17', '0b101', '0x1F', '0x', '1e3',
  '1.5e-3', '.5', '5.', '-.inf', '.Inf', '.NaN', '.nan', 'nan', '1_000', '~', 'null', 'Null', 'NULL',
  'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', '2026-11-20T10:00:00Z',
  '"2026-11-20T10:00:00Z"', '"80"', "'80'", "'it''s'", "'a: b'", '"a\\tb \\x41 \\u00e9 \\" \\\\ \\/"',
  '"\\N\\_\\L\\P\\0\\e"', '""', "''", '{}', '[]', '-x', '?x', ':x', 'a:b', 'http://x/y', 'a# b',
  'trailing  ', 'a,b', 'a[0]', 'é ü', '\u00a0x', '---', '...', '"Passed 👍 "', 'Better 👎', '"\\uD83D\\uDC4D"',
  // Wrapped onto more lines, as go-yaml wraps long strings (each line break gets an indent).
  'one\ntwo', 'one\n\ntwo three', '1\n2', 'a\n- b', "'one\ntwo'", "'one  \n\n\n two'", '"one\ntwo"',
  '"a\\t \ntwo"', "'it''\ns'", 'one\ntwo\nthree',
  // Strings with line breaks, as go-yaml writes them.
  '|\none\ntwo', '|-\none\n\ntwo', '|+\none\n', '|-\n# not a comment\n- nor an item', '|\nx: y\n',
];
// prettier-ignore
const oddScalars = [
  '"\\q"', '"\\x4"', '"\\U0001F600"', '"unterminated', "'unterminated", '"a" # c', '"a"b', '{ }',
  '[1, 2]', '{a: 1}', '-', '- x', '? x', ': x', '@x', '`x', '%x', '&a x', '*a', '!tag x', '|', '|-', '>',
  'a: b', 'a:', 'a #b', '#c', 'a\nb: c', 'a\n# c', '"one\\\ntwo"', "'a\n---\nb'", "'open\n",
  '>\nfolded', '|2\nx', '| # c\nx', '|\n\nx', '|', '|-\n---',
];
// Strings go-yaml writes as literal blocks with an indentation indicator (`|2-`, counted from the key's
// or the dash's column), as it does when the first line starts with a space or is empty: their lines
// ('' a blank line, written with a random number of spaces), and headers with near misses.
// prettier-ignore
const indicatedLines = [' indented', '  more', '', '', 'plain', ' # not a comment', '- not an item', 'x: y', ' '];
// prettier-ignore
const indicators = [
  '|2', '|2-', '|2+', '|2', '|2-', '|2+', '|2', '|2-', '|2+', '|1', '|3-', '|-2', '|+2', '|9+',
  '|2 # c', '|2-+', '|22', '|0',
];
const wrapIndents = ['  ', '  ', '    ', ' ', '', '   '];
const separators = [...Array<string>(40).fill('---'), '--- ', '...', '--- x', '----'];
const indents = ['  ', '  ', '  ', '  ', ' ', '   ', '    '];
/** Mostly one space after a key's colon; now and then two, or none (not a key then). */
const afterColon = [...Array<string>(20).fill(' '), '  ', ''];

/** A random document set in kubectl's block style, with now and then something slightly off. */
export function generatedYaml(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Keys mostly differ within a mapping: js-yaml refuses a repeated one.
  const key = (used: Set<string>) => {
    let key = pick(next() < 0.03 ? oddKeys : keys);
    for (let tries = 0; used.has(key) && tries < 3; tries++) key = pick(keys);
    used.add(key);
    return key;
  };
  /** A literal block with an indentation indicator, for a key or dash at `indent`; now and then a line short of it. */
  const indicated = (indent: string) => {
    const header = pick(indicators);
    const at = indent + ' '.repeat(Number(/[1-9]/.exec(header)?.[0] ?? 2));
    const blank = () => ' '.repeat(Math.floor(next() * (at.length + 2)));
    const body = Array.from({ length: Math.floor(next() * 5) }, () => {
      const line = pick(indicatedLines);
      return line === '' ? blank() : (next() < 0.03 ? at.slice(1) : at) + line;
    });
    for (let trailing = Math.floor(next() * 3); trailing > 0; trailing--) body.push(blank());
    return [header, ...body].join('\n');
  };
  const scalar = (indent: string) =>
    next() < 0.06
      ? indicated(indent)
      : pick(next() < 0.03 ? oddScalars : scalars).replaceAll('\n', () => `\n${indent}${pick(wrapIndents)}`);
  const lines: string[] = [];
  const filler = (indent: string) => {
    if (next() < 0.04) lines.push(`${indent.slice(Math.floor(next() * 3))}# a comment: with - things`);
    if (next() < 0.03) lines.push(pick(['', ' ', indent]));
  };
  const mapping = (indent: string, depth: number) => {
    const used = new Set<string>();
    for (let i = 0, n = 1 + Math.floor(next() * 4); i < n; i++) {
      if (i > 0) filler(indent); // not before the first: an item's first line takes its dash
      const shape = depth > 3 ? 0 : Math.floor(next() * 4);
      if (shape === 0) {
        lines.push(`${indent}${key(used)}:${pick(afterColon)}${scalar(indent)}`);
      } else if (shape === 1) {
        lines.push(`${indent}${key(used)}:`);
        mapping(indent + pick(indents), depth + 1);
      } else if (shape === 2) {
        lines.push(`${indent}${key(used)}:`);
        sequence(pick([indent, indent, indent + '  ']), depth + 1); // kubectl: at the key's indent
      } else {
        lines.push(`${indent}${key(used)}:${pick(['', ' ', '  '])}`);
      }
    }
  };
  /** The lines `build` writes one column past a dash at `indent` and the spaces after it, the first after the dash. */
  const item = (indent: string, build: (inner: string) => void) => {
    const first = lines.length;
    const gap = pick([' ', ' ', ' ', '   ']);
    build(`${indent} ${gap}`);
    lines[first] = `${indent}-${gap}${(lines[first] ?? '').trimStart()}`;
  };
  const sequence = (indent: string, depth: number) => {
    for (let i = 0, n = 1 + Math.floor(next() * 3); i < n; i++) {
      if (i > 0) filler(indent);
      const shape = depth > 3 ? 0 : Math.floor(next() * 5);
      if (shape === 0) lines.push(`${indent}- ${scalar(indent)}`);
      else if (shape === 1) item(indent, (inner) => mapping(inner, depth + 1));
      else if (shape === 2) item(indent, (inner) => sequence(inner, depth + 1));
      else if (shape === 3) {
        lines.push(`${indent}-`);
        mapping(indent + pick(indents), depth + 1);
      } else lines.push(`${indent}-${pick(['', ' '])}`);
    }
  };
  for (let documents = 1 + Math.floor(next() * 3); documents > 0; documents--) {
    if (next() < 0.7) lines.push(pick(separators));
    if (next() < 0.9) mapping('', 0);
    else if (next() < 0.5) sequence('', 0);
  }
  let text = lines.join('\n') + (next() < 0.9 ? '\n' : '');
  if (next() < 0.03) text = text.replaceAll('\n', '\r\n');
  if (next() < 0.03) text = text.replace('  ', '\t');
  return text;
}

/** `text` with one character deleted, inserted or replaced. */
export function mutated(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const chars = ' -:#\'"\n\r\t{}[]&*!|>%@`?,.0x\\';
  const char = chars[Math.floor(next() * chars.length)] as string;
  const operation = Math.floor(next() * 3);
  return text.slice(0, at) + (operation === 0 ? '' : char) + text.slice(operation === 1 ? at : at + 1);
}
