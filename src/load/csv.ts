// CSV rows (RFC 4180: quoted fields may hold commas, quotes and line breaks), read line by line so a
// large results file is never split into an array of lines first.

export interface CsvRow {
  /** 1-based line where the row starts, for error messages. */
  line: number;
  fields: string[];
}

export function* csvRows(text: string): Generator<CsvRow> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') yield { line: rowLine, fields };
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { line: rowLine, fields };
  }
}

/** Rows as records keyed by the header's column names. */
export function* csvRecords(
  text: string,
  source: string,
  required: string[],
): Generator<{ line: number; get: (column: string) => string }> {
  const rows = csvRows(text);
  const header = rows.next();
  if (header.done) throw new Error(`${source}: empty file, expected a CSV header`);
  const columns = new Map(header.value.fields.map((name, index) => [name.trim(), index]));
  const missing = required.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    throw new Error(
      `${source}: line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the CSV header`,
    );
  }
  for (const row of rows) {
    yield { line: row.line, get: (column) => row.fields[columns.get(column) ?? -1] ?? '' };
  }
}
