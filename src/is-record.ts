// The one test for "a JSON or YAML mapping" that every reader of parsed input shares.

/** An object that is not an array or null: what a mapping parses to. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
