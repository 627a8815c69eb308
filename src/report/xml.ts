// A small streaming XML writer: markup is collected in small pieces and handed on in parts of a few
// thousand pieces, so writing is linear in the output, builds no tree and never holds the whole
// document when the parts go to a file. It escapes; it does not check nesting.

/**
 * Attributes in the order they are written (an object keeps the order its keys were given in); an
 * undefined value leaves the attribute out. An object rather than a list of pairs: 60,000 cases would
 * otherwise make a quarter of a million small arrays.
 */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

// Characters XML 1.0 cannot carry at all (C0 controls but tab, LF and CR; U+FFFE/U+FFFF) and UTF-16
// surrogates without their other half. Without the `u` flag a regex sees code units, so a lone
// surrogate is matched and a valid pair is left alone.
const notXml =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const attributeEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A parser normalises raw tab, newline and carriage return in an attribute to spaces; references keep them.
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
const textEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// Anything the escapes below would touch. Most names and values hold none of it, and one test is far
// cheaper than the replacements (60,000 cases write about half a million attributes).
// eslint-disable-next-line no-control-regex -- control characters are among what must be escaped
const needsWork = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Drops what XML cannot carry. */
export function xmlChars(text: string): string {
  return text.replace(notXml, '');
}

export function escapeAttribute(value: string): string {
  if (!needsWork.test(value)) return value;
  return xmlChars(value).replace(/[&<>"\t\n\r]/g, (c) => attributeEntities[c] as string);
}

/** Character data. `>` is escaped too, so a `]]>` in the text cannot end anything. */
export function escapeText(text: string): string {
  if (!needsWork.test(text)) return text;
  return xmlChars(text).replace(/[&<>]/g, (c) => textEntities[c] as string);
}

/** Pieces (each a whole line of markup) handed on at a time: some 70 KB. */
const piecesPerPart = 1024;

export class XmlWriter {
  readonly #emit: (part: string) => void;
  #chunks: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];

  /** `emit` receives the document in order, in parts that never split a tag or a text. */
  constructor(emit: (part: string) => void) {
    this.#emit = emit;
  }

  /** `<name a="…">` on a line of its own, for an element that holds elements. */
  open(name: string, attributes: Attributes = {}): this {
    this.#push(`${this.#tag(name, attributes)}>\n`);
    return this;
  }

  close(name: string): this {
    this.#push(`</${name}>\n`);
    return this;
  }

  /** An element holding text only, or nothing: `<name a="…">text</name>` or `<name a="…"/>`. */
  element(name: string, attributes: Attributes = {}, text = ''): this {
    const tag = this.#tag(name, attributes);
    this.#push(text === '' ? `${tag}/>\n` : `${tag}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  /** Hands on what is left; the writer is done. */
  end(): void {
    this.#emit(this.#chunks.join(''));
    this.#chunks = [];
  }

  #push(piece: string): void {
    if (this.#chunks.length >= piecesPerPart) {
      this.#emit(this.#chunks.join(''));
      this.#chunks = [];
    }
    this.#chunks.push(piece);
  }

  #tag(name: string, attributes: Attributes): string {
    let tag = `<${name}`;
    for (const key in attributes) {
      const value = attributes[key];
      // A number's digits need no escaping, and half the attributes of a JUnit file are counts and times.
      if (value !== undefined)
        tag += ` ${key}="${typeof value === 'string' ? escapeAttribute(value) : value}"`;
    }
    return tag;
  }
}
