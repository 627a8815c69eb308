// Reads the block-style YAML kubectl writes (go-yaml) several times faster than js-yaml, for large
// results files. It knows a small subset: `---` between documents, comment lines, block mappings and
// sequences (a sequence may sit at its key's indent), plain, single- and double-quoted scalars (also
// wrapped onto more lines, as go-yaml wraps long strings), literal blocks (`|`, `|2-`), `{}` and `[]`. At
// anything else, or anything it finds wrong, it stops, and js-yaml reads on from the start of that
// document: what loadYaml returns or throws is what js-yaml's `loadAll` with CORE_SCHEMA would.
import { CORE_SCHEMA, loadAll, type Type } from 'js-yaml';

/** Thrown inside the reader to give up; never leaves this module. */
const outside = new Error('outside the block subset');

// Tabs (js-yaml refuses them in indentation), CR line breaks, a BOM, lone surrogates (`u`: an emoji's
// pair is one character), and characters js-yaml refuses or reads as line breaks: such files are rare,
// so they all take the general path.
// eslint-disable-next-line no-control-regex
const unusualCharacters = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/u;

/** js-yaml's own implicit types (null, bool, int, float, in its order), so plain scalars resolve as in js-yaml. */
const implicitTypes = (CORE_SCHEMA as unknown as { compiledImplicit: Type[] }).compiledImplicit;

/** Each of those types resolves only text that starts with one of these (~ n N; t T f F; a sign, digit or dot). */
const typedStart = new Set([...'~nNtTfF+-.0123456789'].map((char) => char.charCodeAt(0)));

/** Characters a plain scalar may not start with (js-yaml's readPlainScalar), and `-?:` to keep it simple. */
const notPlainStart = new Set([...' ,[]{}#&*!|>\'"%@`-?:'].map((char) => char.charCodeAt(0)));

const space = 0x20;
const dash = 0x2d;
const colon = 0x3a;
const question = 0x3f;
const hashSign = 0x23;
const openBrace = 0x7b;
const singleQuote = 0x27;
const doubleQuote = 0x22;
const backslash = 0x5c;
const pipe = 0x7c;
/** Deeper than this, js-yaml may refuse the nesting (its maxDepth is 100). */
const maxDepth = 50;
const slots = 1024;

/** Double-quoted escapes as js-yaml reads them (`\x`, `\u`, `\U` are read apart; line ends give up). */
// prettier-ignore
const escapes: Record<string, string> = {
  '0': '\x00', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1B', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xA0', L: '\u2028', P: '\u2029',
};

/**
 * The documents of `text` as js-yaml's `loadAll` with CORE_SCHEMA reads them, its errors word for
 * word: those in the subset read here, the rest by js-yaml.
 */
export function loadYaml(text: string): unknown[] {
  const { documents, from } = readBlockYaml(text);
  if (from === text.length) return documents;
  if (from === 0) return loadAll(text, null, { schema: CORE_SCHEMA });
  try {
    // js-yaml reads each document afresh from its `---` (no anchors or tags carry over).
    return [...documents, ...loadAll(text.slice(from), null, { schema: CORE_SCHEMA })];
  } catch {
    return loadAll(text, null, { schema: CORE_SCHEMA }); // its error, with the lines of the whole text
  }
}

/** The documents the reader reads, up to `from`: the `---` of the first it cannot (0: none; all: the length). */
export function readBlockYaml(text: string): { documents: unknown[]; from: number } {
  const reader = new Reader(text);
  if (!unusualCharacters.test(text)) reader.read();
  return { documents: reader.documents, from: reader.from };
}

/** Reads line by line through offsets into the text: no string per line. */
class Reader {
  readonly documents: unknown[] = [];
  /** The start of the `---` line of the document being read. */
  from = 0;
  private readonly text: string;
  /** Where the current line starts and ends (its line feed, or the end of the text). */
  private line = 0;
  private lineEnd = 0;
  /** The current line's indent, -1 at a `---` line or the end. */
  private indent = 0;
  /** Where the last quoted scalar ended. */
  private end = 0;
  /** The hash of the last plain text scanned. */
  private hash = 0;
  private readonly keys = plainScalars((text) => String(plain(text)));
  private readonly values = plainScalars(plain);

  constructor(text: string) {
    this.text = text;
  }

  read(): void {
    const documents = this.documents;
    try {
      this.next();
      // Text before the first `---` is a document if it holds a node. A text without any node is left
      // to js-yaml: whether it counts one empty document there depends on its blank lines.
      if (this.indent === 0) documents.push(this.document());
      else if (this.indent > 0 || this.line >= this.text.length) return;
      while (this.line < this.text.length) {
        this.from = this.line;
        this.line = this.lineEnd + 1; // past `---`
        this.next();
        if (this.indent === -1) documents.push(null);
        else if (this.indent === 0) documents.push(this.document());
        else throw outside;
      }
      this.from = this.text.length;
    } catch (error) {
      if (error !== outside) throw error;
    }
  }

  private document(): unknown {
    const value = this.node(this.line, 1);
    if (this.indent !== -1) throw outside;
    return value;
  }

  /** Moves to the next line that holds content (not blank, not a comment) and sets `indent`. */
  private next(): void {
    const text = this.text;
    for (let line = this.line; line < text.length; line = this.lineEnd + 1) {
      this.line = line;
      this.lineEnd = this.endOf(line);
      let start = line;
      while (text.charCodeAt(start) === space) start++;
      if (start === this.lineEnd || text.charCodeAt(start) === hashSign) continue;
      this.indent = start - line;
      if (start === line && (text.startsWith('---', line) || text.startsWith('...', line))) {
        if (this.lineEnd !== line + 3 || text[line] === '.') throw outside; // `--- value`, `...`
        this.indent = -1;
      }
      return;
    }
    this.line = text.length;
    this.indent = -1;
  }

  /** The mapping or sequence that starts at `start` of the current line (a scalar there gives up). */
  private node(start: number, depth: number): unknown {
    if (depth > maxDepth) throw outside;
    return this.isItem(start) ? this.sequence(start, depth) : this.mapping(start, depth);
  }

  private mapping(start: number, depth: number): Record<string, unknown> {
    const column = start - this.line;
    const mapping: Record<string, unknown> = {};
    for (;;) {
      const keyEnd = this.keyEnd(start);
      if (keyEnd < 0) throw outside;
      const key = quoted(this.text.charCodeAt(start))
        ? (this.quoted(start, false) as string)
        : (this.keys(this.text, start, keyEnd, this.hash) as string);
      // `__proto__` would need defineProperty; a repeated key is js-yaml's error to report.
      if (key === '__proto__' || key === '<<' || Object.hasOwn(mapping, key)) throw outside;
      const valueStart = this.skipSpaces(keyEnd + 1);
      if (valueStart < this.lineEnd) {
        mapping[key] = this.scalar(valueStart, column);
      } else {
        this.nextLine();
        const sameIndentItem = this.indent === column && this.isItem(this.line + column);
        mapping[key] =
          this.indent > column || sameIndentItem
            ? this.node(this.line + this.indent, depth + 1) // go-yaml writes a key's sequence at its indent
            : null;
      }
      if (this.indent < column) return mapping;
      if (this.indent > column) throw outside; // bad indentation
      start = this.line + column;
    }
  }

  private sequence(start: number, depth: number): unknown[] {
    const column = start - this.line;
    const sequence: unknown[] = [];
    for (;;) {
      const itemStart = this.skipSpaces(start + 1);
      if (itemStart === this.lineEnd) {
        this.nextLine();
        // After an empty item, js-yaml reads a dash at any lower indent as this sequence's: its quirk.
        if (this.indent >= 0 && this.indent < column && this.isItem(this.line + this.indent)) throw outside;
        sequence.push(this.indent > column ? this.node(this.line + this.indent, depth + 1) : null);
      } else if (this.isItem(itemStart) || this.keyEnd(itemStart) >= 0) {
        sequence.push(this.node(itemStart, depth + 1)); // `- - x` or `- key: value`
      } else {
        sequence.push(this.scalar(itemStart, column));
      }
      if (this.indent > column) throw outside;
      start = this.line + column;
      // A line at this indent without a dash is the next key of the mapping that holds this sequence.
      if (this.indent < column || !this.isItem(start)) return sequence;
    }
  }

  /** Where the colon after a key starting at `start` is, or -1 if the line holds no key there. */
  private keyEnd(start: number): number {
    const text = this.text;
    if (quoted(text.charCodeAt(start))) {
      if (this.quoted(start, false) === undefined) return -1;
      const after = this.end;
      return text.charCodeAt(after) === colon &&
        (after + 1 === this.lineEnd || text.charCodeAt(after + 1) === space)
        ? after
        : -1;
    }
    const end = this.plainEnd(start, this.lineEnd);
    if (end === this.lineEnd) return -1;
    // Spaces before the colon, or a start js-yaml reads otherwise.
    if (end === start || notPlainStart.has(text.charCodeAt(start)) || text.charCodeAt(end - 1) === space)
      throw outside;
    return end;
  }

  /**
   * The scalar from `start` on, of a key or dash at `column`; moves to the line after it. go-yaml wraps
   * long strings onto more indented lines (a quoted one onto any line); js-yaml folds them back.
   */
  private scalar(start: number, column: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (quoted(first)) {
      const value = this.quoted(start, true);
      if (this.contentEnd() > this.end) throw outside; // a comment after it, say
      this.nextLine();
      return value;
    }
    const lineEnd = this.lineEnd;
    const end = this.contentEnd();
    if (first === pipe) return this.literal(text.slice(start, end), column);
    if (end - start === 2 && (text.startsWith('{}', start) || text.startsWith('[]', start))) {
      this.nextLine();
      return first === openBrace ? {} : [];
    }
    // Other flow collections, anchors, tags, folded scalars: js-yaml's. `-1`, `:x` are plain.
    const signLike = first === dash || first === question || first === colon;
    if (notPlainStart.has(first) && !(signLike && end - start > 1 && text.charCodeAt(start + 1) !== space))
      throw outside;
    if (this.plainEnd(start, end) !== end) throw outside; // a second colon
    const value = this.values(text, start, end, this.hash);
    this.nextLine();
    if (this.indent <= column) return value;
    // Continued (rare): read its lines again, with the blank and comment lines next() skipped.
    let folded = text.slice(start, end);
    let last = lineEnd; // the end of the last line folded in
    for (let breaks = 1, next = lineEnd + 1; next < text.length; next = this.lineEnd + 1) {
      this.line = next;
      this.lineEnd = this.endOf(next);
      const from = this.skipSpaces(next);
      if (from === this.lineEnd) breaks++;
      else if (from - next <= column) break;
      else {
        const to = this.contentEnd();
        if (this.plainEnd(from, to) !== to) throw outside; // a key, or a comment (after the indent)
        folded += (breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)) + text.slice(from, to);
        breaks = 1;
        last = this.lineEnd;
      }
    }
    this.lineEnd = last;
    this.nextLine();
    return plain(folded);
  }

  /**
   * A literal block scalar, as go-yaml writes strings that hold line breaks: `|`, `|-` or `|+`, with an
   * indentation indicator (`|2-`) if the string starts with a space or line break. Its lines sit at the
   * indicator's indent past `column` (js-yaml counts from the key or dash), or else at the indent of the
   * first; blank lines are kept, the last line break clipped, stripped or kept.
   */
  private literal(header: string, column: number): string {
    const text = this.text;
    // js-yaml takes the indicators in either order; two chomping indicators or a comment are its to read.
    const [, before, digit, after] = /^\|([-+]?)([1-9]?)([-+]?)$/.exec(header) ?? [];
    if (before === undefined || (before && after)) throw outside;
    const chomping = ['', '-', '+'].indexOf(before + after);
    let indent = digit ? column + Number(digit) : -1;
    let value = '';
    let read = false; // a line that is not blank
    let blanks = 0;
    let last = this.lineEnd; // the end of its last line
    for (let next = last + 1; next < text.length; next = this.lineEnd + 1) {
      this.lineEnd = this.endOf(next);
      let from = next; // past the indent; spaces beyond it are the line's
      while (from < this.lineEnd && text.charCodeAt(from) === space && (indent < 0 || from - next < indent))
        from++;
      if (from === this.lineEnd) blanks++;
      else if (from - next < (indent < 0 ? column + 1 : indent)) break;
      else {
        // Without an indicator, blank lines before the first line set js-yaml's indent by their spaces.
        if (indent < 0 && blanks > 0) throw outside;
        value += '\n'.repeat(read ? 1 + blanks : blanks) + text.slice(from, this.lineEnd);
        if (indent < 0) indent = from - next;
        read = true;
        blanks = 0;
        last = this.lineEnd;
      }
    }
    this.lineEnd = last;
    this.nextLine();
    return value + [read ? '\n' : '', '', '\n'.repeat(read ? 1 + blanks : blanks)][chomping];
  }

  /** Where plain text from `start` stops before `end` at a `: ` or a last `:`; hashes the text before it. */
  private plainEnd(start: number, end: number): number {
    const text = this.text;
    let hash = 0;
    let at = start;
    for (; at < end; at++) {
      const char = text.charCodeAt(at);
      if (char === colon && (at + 1 === end || text.charCodeAt(at + 1) === space)) break;
      if (char === hashSign && text.charCodeAt(at - 1) === space) throw outside; // a comment
      hash = (hash * 31 + char) | 0;
    }
    this.hash = hash;
    return at;
  }

  /**
   * A quoted scalar; sets `end` past its closing quote. One that goes on past its line is folded as
   * js-yaml folds it when `folds` (a value), and `undefined` otherwise (not a key).
   */
  private quoted(start: number, folds: boolean): string | undefined {
    const text = this.text;
    const quote = text.charCodeAt(start);
    let value = '';
    let from = start + 1;
    for (let at = from; ; at++) {
      if (at === this.lineEnd) {
        if (!folds) return undefined;
        let end = at; // the spaces around a line break go, the break becomes a space or is kept
        while (end > from && text.charCodeAt(end - 1) === space) end--;
        let breaks = 0;
        do {
          if (this.lineEnd === text.length) throw outside; // the text ends inside it
          this.line = this.lineEnd + 1;
          this.lineEnd = this.endOf(this.line);
          at = this.skipSpaces(this.line);
          breaks++;
        } while (at === this.lineEnd);
        // A line starting `---` or `...` ends the document inside it: js-yaml's error to report.
        if (at === this.line && (text.startsWith('---', at) || text.startsWith('...', at))) throw outside;
        value += text.slice(from, end) + (breaks === 1 ? ' ' : '\n'.repeat(breaks - 1));
        from = at;
      }
      const char = text.charCodeAt(at);
      if (char === quote) {
        value += text.slice(from, at);
        if (quote === singleQuote && text.charCodeAt(at + 1) === singleQuote) {
          from = ++at; // '' is a quote
          continue;
        }
        this.end = at + 1;
        return value;
      }
      if (char === backslash && quote === doubleQuote) {
        value += text.slice(from, at) + this.escape(at + 1);
        at = this.end - 1;
        from = this.end;
      }
    }
  }

  /** The character a double-quoted escape stands for; sets `end` past it. */
  private escape(at: number): string {
    const char = this.text.charAt(at);
    // kubectl (go-yaml) writes a character beyond U+FFFF, an emoji, as `\U0001F44D`.
    const hexDigits = char === 'x' ? 2 : char === 'u' ? 4 : char === 'U' ? 8 : 0;
    if (hexDigits === 0) {
      const escaped = Object.hasOwn(escapes, char) ? escapes[char] : undefined;
      if (escaped === undefined) throw outside; // an escaped line break too
      this.end = at + 1;
      return escaped;
    }
    const hex = this.text.slice(at + 1, Math.min(at + 1 + hexDigits, this.lineEnd));
    if (hex.length !== hexDigits || !/^[0-9a-fA-F]+$/.test(hex)) throw outside;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw outside; // no character: js-yaml's own reading of it
    this.end = at + 1 + hexDigits;
    return String.fromCodePoint(code);
  }

  /** `- item` or a lone `-` at `at`. */
  private isItem(at: number): boolean {
    return (
      this.text.charCodeAt(at) === dash && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === space)
    );
  }

  private nextLine(): void {
    this.line = this.lineEnd + 1;
    this.next();
  }

  /** Where the line starting at `line` ends: its line feed, or the end of the text. */
  private endOf(line: number): number {
    const end = this.text.indexOf('\n', line);
    return end < 0 ? this.text.length : end;
  }

  private skipSpaces(at: number): number {
    while (at < this.lineEnd && this.text.charCodeAt(at) === space) at++;
    return at;
  }

  /** Where the current line's trailing spaces start: js-yaml leaves out spaces, not other white space. */
  private contentEnd(): number {
    let end = this.lineEnd;
    while (this.text.charCodeAt(end - 1) === space) end--;
    return end;
  }
}

const quoted = (char: number) => char === singleQuote || char === doubleQuote;

/** A plain scalar's value, by js-yaml's own types: text none of them can resolve skips them. */
function plain(text: string): unknown {
  if (!typedStart.has(text.charCodeAt(0))) return text;
  for (const type of implicitTypes) if (type.resolve(text)) return type.construct(text);
  return text;
}

/**
 * The plain scalars read last, by hash of their text: keys and many values repeat in every object, so
 * each is sliced and resolved once, and the objects share its string.
 */
function plainScalars(resolve: (text: string) => unknown) {
  const texts: (string | undefined)[] = new Array(slots);
  const values: unknown[] = new Array(slots);
  return (text: string, start: number, end: number, hash: number): unknown => {
    const slot = hash & (slots - 1);
    const known = texts[slot];
    if (known?.length === end - start && text.startsWith(known, start)) return values[slot];
    texts[slot] = text.slice(start, end);
    return (values[slot] = resolve(texts[slot]));
  };
}
