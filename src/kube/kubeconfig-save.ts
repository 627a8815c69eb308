// Writing refreshed credentials back into the kubeconfig file that defines the user, as kubectl does,
// so that the job's next kubectl finds the tokens a provider has replaced. Only the values change:
// the document is edited in place and the rest of the file, comments included, stays as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';

/** Sets `values` in the user's `auth-provider.config` in `file`; throws when the file or user is not there. */
export function saveAuthProviderConfig(
  file: string,
  user: string,
  values: Readonly<Record<string, string>>,
): void {
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (document.errors.length > 0) throw new Error(`${file} no longer parses`);
  const users = document.get('users');
  const entry = isSeq(users)
    ? users.items.find((item) => isMap(item) && item.get('name') === user)
    : undefined;
  if (!isMap(entry)) throw new Error(`${file} no longer defines user "${user}"`);
  for (const [key, value] of Object.entries(values))
    entry.setIn(['user', 'auth-provider', 'config', key], value);
  // No folding: a token stays on one line, as kubectl writes it.
  writeFileSync(file, document.toString({ lineWidth: 0 }));
}
