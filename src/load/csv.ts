// CSV rows (RFC 4180: quoted fields may hold commas, quotes and line breaks) from a file's lines, one
// row at a time, so a results file of any size is never held whole.
import { ConfigError } from '../errors.ts';
import { maxLineChars, MiB } from '../files.ts';
import type { LineReader } from './line-reader.ts';

export interface CsvRecord {
  /** The file and the 1-based line where the row starts, for error messages. */
  source: string;
  line: number;
  get: (column: string) => string;
}

/** The number in `column`; a ConfigError naming the file, line and column when it is not `valid`. */
export function csvNumber(
  record: CsvRecord,
  column: string,
  valid: (value: number) => boolean,
  expected: string,
): number {
  const text = record.get(column);
  // Number() reads an empty or blank field as 0, which would pass for a measurement.
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!valid(value)) throw badField(record, column, expected);
  return value;
}

/** `results.jtl: line 3: elapsed "": expected milliseconds, 0 or more`. */
export function badField(record: CsvRecord, column: string, expected: string): ConfigError {
  const text = record.get(column);
  // A broken row can put a whole label in the column: enough of it to recognise.
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new ConfigError(
    `${record.source}: line ${record.line}: ${column} ${JSON.stringify(shown)}: expected ${expected}`,
  );
}

export interface CsvFormat {
  /** The character between fields, found from the header line; a comma when not given. */
  delimiterOf?: (header: string) => string;
  /** What a header without rows means for this tool, added to the error. */
  noRows?: string;
  /** Why a header lacks the columns, when `required` are missing: added to the error. */
  missingWhy?: (header: string) => string | undefined;
}

/** Rows as records keyed by the header's column names; `required` columns must be in the header. */
export function csvRecords(
  source: string,
  required: string[],
  onRecord: (record: CsvRecord) => void,
  format: CsvFormat = {},
): LineReader {
  let columns: Map<string, number> | undefined;
  let records = 0;
  let header = '';
  let delimiter = ',';
  const rows = csvRows(
    source,
    (row, line) => {
      if (columns) {
        const at = columns;
        const field =
          typeof row === 'string'
            ? (column: string) => fieldOf(row, at.get(column) ?? -1, delimiter)
            : (column: string) => row[at.get(column) ?? -1] ?? '';
        records++;
        onRecord({ source, line, get: field });
        return;
      }
      const fields = typeof row === 'string' ? row.split(delimiter) : row;
      columns = new Map(fields.map((name, index) => [name.trim(), index]));
      const missing = required.filter((name) => !columns?.has(name));
      if (missing.length > 0) {
        const why = format.missingWhy?.(header);
        throw new ConfigError(
          `${source}: line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the CSV header` +
            (why ? `: ${why}` : ''),
        );
      }
    },
    () => delimiter,
  );
  return {
    line(text, number) {
      if (!columns && header === '') {
        header = text;
        delimiter = format.delimiterOf?.(text) ?? ',';
      }
      rows.line(text, number);
    },
    end() {
      rows.end();
      if (!columns) throw new ConfigError(`${source}: empty file, expected a CSV header`);
      // Nothing measured is nothing to judge, not a run without errors.
      if (records === 0)
        throw new ConfigError(
          `${source}: no samples: only the CSV header, no row after it` +
            (format.noRows ? `; ${format.noRows}` : ''),
        );
    },
  };
}

/**
 * Field `index` of a row without quotes, found when asked for: a reader uses a few of a JTL's
 * seventeen columns, and splitting every row into all of them costs more than the rest of the read.
 */
function fieldOf(row: string, index: number, delimiter: string): string {
  if (index < 0) return '';
  let start = 0;
  for (let i = 0; i < index; i++) {
    start = row.indexOf(delimiter, start) + 1;
    if (start === 0) return '';
  }
  const end = row.indexOf(delimiter, start);
  return end === -1 ? row.slice(start) : row.slice(start, end);
}

/** Each row as its line when it has no quote (the fields are its delimited parts), else as fields. */
function csvRows(
  source: string,
  onRow: (row: string | string[], line: number) => void,
  delimiterNow: () => string,
): LineReader {
  let fields: string[] = [];
  let field = '';
  /** Inside a quoted field, which may go on over the next lines. */
  let quoted = false;
  let rowLine = 0;
  let rowChars = 0;
  const endRow = () => {
    fields.push(field);
    // A blank line is no row.
    if (fields.length > 1 || fields[0] !== '') onRow(fields, rowLine);
    fields = [];
    field = '';
  };
  return {
    line(text, number) {
      const delimiter = delimiterNow();
      if (!quoted) {
        // Most rows hold no quote: their fields are found only when asked for.
        if (!text.includes('"')) {
          if (text !== '') onRow(text, number);
          return;
        }
        rowLine = number;
        rowChars = 0;
      } else {
        field += '\n';
        rowChars += text.length;
        if (rowChars > maxLineChars) {
          throw new ConfigError(
            `${source}: line ${rowLine}: a quoted field goes on for more than ${maxLineChars / MiB} MiB; is a quote not closed?`,
          );
        }
      }
      for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quoted) {
          if (char === '"' && text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (char === '"') quoted = false;
          else field += char;
        } else if (char === '"') quoted = true;
        else if (char === delimiter) {
          fields.push(field);
          field = '';
        } else field += char;
      }
      if (!quoted) endRow();
    },
    end() {
      // A quote never closed: the row ends with the file.
      if (quoted) endRow();
    },
  };
}
