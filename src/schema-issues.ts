// What is wrong with an input checked against a schema, said the same plain way for every input: the
// config file, flags and action inputs, manifests, ChaosResults, workflows, Chaos Toolkit journals, k6
// summaries, JSON reports to merge, a kubeconfig's exec settings. Each problem names its field in place
// (`status.probeStatuses[0].mode`) and says what was expected and what was given, where zod would say
// "Invalid input: expected array, received string".
import * as z from 'zod';
import { redact } from './secrets.ts';
import { closestName } from './suggest.ts';

type ParseOptions = z.core.ParseContext<z.core.$ZodIssue>;

/** safeParse's options for an input: its problems in plain words, short values quoted. */
export const plainWords: ParseOptions = { error: plainIssue(true) };

/** The same for a kubeconfig's settings, which may hold credentials (a plugin's env): no value is quoted. */
export const plainWordsUnquoted: ParseOptions = { error: plainIssue(false) };

/** A problem at the field it is in. */
interface FieldIssue {
  path: PropertyKey[];
  message: string;
}

/** `field status.probeStatuses[0].mode`: how a problem in a file names its field. */
const fieldOf = (path: PropertyKey[]) => `field ${fieldPath(path) || '(the object)'}`;

/**
 * "x.yaml, document 1 (ChaosResult r): field status.probeStatuses: expected a list, got text", a line
 * for each problem (the first 10) of a parse made with plainWords. `name` says a field as the input's
 * user wrote it (a setting, a flag).
 */
export function describeIssues(
  where: string,
  error: z.ZodError,
  name: (path: PropertyKey[]) => string = fieldOf,
): string[] {
  return error.issues
    .flatMap(located)
    .slice(0, 10)
    .map(({ path, message }) => `${where}: ${name(path)}: ${message}`);
}

/** `spec.experiments[0]["httpProbe/inputs"]`: a field as every message names it. */
export const fieldPath = (path: PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    if (!/^[A-Za-z_][\w-]*$/.test(name)) return `${text}[${JSON.stringify(name)}]`;
    return text ? `${text}.${name}` : name;
  }, '');

/**
 * An issue where its problem is. One unknown key is named in place, as the API server names it. For a
 * value that may be of several shapes and is wrong inside, zod says only that none fitted: the problems
 * are taken from the one alternative whose type did fit (its issues are below the field).
 */
function located(issue: z.core.$ZodIssue): FieldIssue[] {
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1)
    return [{ path: [...issue.path, ...issue.keys], message: issue.message }];
  if (issue.code === 'invalid_union') {
    const fitted = issue.errors.filter((branch) =>
      branch.some((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'),
    );
    if (fitted.length === 1)
      return (fitted[0] ?? []).flatMap((inner) =>
        located(inner).map(({ path, message }) => ({ path: [...issue.path, ...path], message })),
      );
  }
  return [{ path: issue.path, message: issue.message }];
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};
const typeName = (expected: string) => typeNames[expected] ?? expected;

/** Longer text is quoted cut to this many characters: the message is about the field, not a copy of the file. */
const shortValue = 40;

/**
 * `text ("five")`, `a number (5)`, `a list`: what a field holds, quoted when `quote` is set. Longer text
 * is quoted cut short, with its length (`text of 54 characters ("cluster-eu-west-…")`): a length error
 * must show what was given. Known secrets are masked before the cut, so no part of one is shown.
 */
export function given(value: unknown, quote = true): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  // YAML's .inf and .nan: numbers, but not what "a number" asks for.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return quote ? `a ${typeof value} (${String(value)})` : `a ${typeof value}`;
  if (!quote) return 'text';
  const text = redact(value);
  if (value.length <= shortValue) return `text (${JSON.stringify(text)})`;
  // Not between the two halves of a character outside the BMP (an emoji).
  const end = /[\uD800-\uDBFF]/.test(text.charAt(shortValue - 1)) ? shortValue - 1 : shortValue;
  const shown = text.length <= shortValue ? text : `${text.slice(0, end)}…`;
  return `text of ${value.length} characters (${JSON.stringify(shown)})`;
}

/**
 * A schema's own expectation, said as zod's are: `expected text such as "5s", got a number (5)`. For
 * what the type alone does not say: an example, what a pattern stands for. Values are quoted.
 */
export const expecting =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    `expected ${what}, got ${given(issue.input)}`;

/** A choice as it would be written: `Pending`, `""`. */
const choice = (value: unknown) =>
  typeof value === 'string' && !/^[\w./-]+$/.test(value) ? JSON.stringify(value) : String(value);

/**
 * zod's words where they read as the library's: wrong types, choices, ranges, unknown fields. A
 * schema's own message ("expected a file path or a list of file paths") still comes first.
 */
function plainIssue(quote: boolean): z.core.$ZodErrorMap {
  const got = (value: unknown) => `got ${given(value, quote)}`;
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return `expected ${typeName(issue.expected)}, ${got(issue.input)}`;
      case 'invalid_value':
        return `expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map(choice).join(', ')}, ${got(issue.input)}`;
      case 'too_small':
      case 'too_big': {
        const range = rangeOf(issue);
        return range && `expected ${range}, ${got(issue.input)}`;
      }
      case 'invalid_union': {
        const types = eitherType(issue);
        return types && `expected ${types}, ${got(issue.input)}`;
      }
      case 'unrecognized_keys':
        return unknownFields(issue);
      default:
        return undefined;
    }
  };
}

/**
 * `text or a number`: the types a field may have, when the value is of none of them (zod says "Invalid
 * input"). When an alternative's type fitted and the problem is inside it, located() names that problem.
 */
function eitherType(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>): string | undefined {
  const types = issue.errors.map(([inner, ...others]) =>
    inner?.code === 'invalid_type' && inner.path.length === 0 && others.length === 0
      ? typeName(inner.expected)
      : undefined,
  );
  const named = types.filter((type) => type !== undefined);
  if (named.length === 0 || named.length < types.length) return undefined;
  const last = named.pop();
  return named.length > 0 ? `${named.join(', ')} or ${last}` : last;
}

/** `1 or more`, `at most 20 characters`, `at least 1 item`: the range a number, a text or a list is out of. */
function rangeOf(
  issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall> | z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>,
): string | undefined {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === 'number') {
    if (issue.inclusive) return `${limit} or ${small ? 'more' : 'less'}`;
    return `${small ? 'more' : 'less'} than ${limit}`;
  }
  const unit = issue.origin === 'string' ? 'character' : issue.origin === 'array' ? 'item' : undefined;
  return unit && `${small ? 'at least' : 'at most'} ${limit} ${unit}${limit === 1 ? '' : 's'}`;
}

/** Unknown fields, each with the field of its object it is closest to: only the object's schema knows them. */
function unknownFields(issue: z.core.$ZodRawIssue<z.core.$ZodIssueUnrecognizedKeys>): string {
  const known = issue.inst instanceof z.ZodObject ? Object.keys(issue.inst.shape) : [];
  const { keys } = issue;
  // One key is named in place (`spec.appinfo.appLabel: unknown field`); several are listed at their object.
  const guesses = keys.flatMap((key) => {
    const near = closestName(key, known);
    return near ? [keys.length > 1 ? `"${near}" for "${key}"` : `"${near}"`] : [];
  });
  const named = keys.length > 1 ? `s ${keys.map((key) => `"${key}"`).join(', ')}` : '';
  return `unknown field${named}${guesses.length > 0 ? `; did you mean ${guesses.join(', ')}?` : ''}`;
}
