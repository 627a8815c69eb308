// The value of a parsed YAML document, with aliases expanded only so far: a few nested anchors and
// aliases ("billion laughs") expand a small file into billions of values, which would hang or exhaust
// every later step that walks or serialises them.
import type { Document } from 'yaml';
import { ConfigError, errorMessage } from './errors.ts';

/**
 * How many values aliases may add (the `yaml` parser's own default, named here): far more than
 * settings or manifests written by hand reuse, far less than an expansion attack needs.
 */
const maxAliasCount = 100;

/** How the YAML users write is parsed: with `<<` merge keys, which kubectl's YAML reader applies. */
export const userYaml = { merge: true } as const;

/** `where` names the file, and the document when there are several. */
export function documentValue(document: Document, where: string): unknown {
  try {
    return document.toJS({ maxAliasCount });
  } catch (error) {
    // The parser refuses to expand aliases into a huge value only here, not while parsing.
    throw new ConfigError(`${where}: invalid YAML: ${errorMessage(error)}`);
  }
}
