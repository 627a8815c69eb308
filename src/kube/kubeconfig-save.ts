// Writing refreshed credentials back into the kubeconfig file that defines the user, as kubectl does,
// so that the job's next kubectl finds the tokens a provider has replaced. Only the values change:
// the document is edited in place and the rest of the file, comments included, stays as it was.
//
// Written in place, as client-go writes it (os.WriteFile), not to a temporary file renamed over it: a
// reader that takes no lock (kubectl reading) could catch the file between truncation and write, but a
// rename fails on a kubeconfig bind-mounted into the job's container (EBUSY) or in a folder the job
// cannot write, and gives the file a new inode, owner and ACLs, and a hard link no longer sees it.
//
// Under client-go's lock (clientcmd lockFile): `<file>.lock`, created exclusively and removed after the
// write, so two jobs sharing one kubeconfig, or chaos-gate and kubectl, never interleave their writes.
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMap, isSeq, parseDocument } from 'yaml';

/**
 * How long a save waits for another writer's lock, about a second: a write takes milliseconds, so a lock
 * held longer was most likely left by a process that was killed. client-go fails at once instead.
 */
const lockTries = 20;
const lockRetryMs = 50;

/** Sets `values` in the user's `auth-provider.config` in `file`; rejects when the file or user is not there. */
export async function saveAuthProviderConfig(
  file: string,
  user: string,
  values: Readonly<Record<string, string>>,
): Promise<void> {
  const lock = await takeLock(file);
  try {
    // Read under the lock: what another writer saved before it is kept.
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
  } finally {
    rmSync(lock);
  }
}

async function takeLock(file: string): Promise<string> {
  const lock = `${file}.lock`;
  for (let tries = 1; ; tries++) {
    try {
      closeSync(openSync(lock, 'wx'));
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (tries >= lockTries)
        throw new Error(
          `${lock} is held by another writer, or was left by one that was killed (remove it if no kubectl or chaos-gate is running)`,
          { cause: error },
        );
      await sleep(lockRetryMs);
    }
  }
}
