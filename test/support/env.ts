// Environment variables a test sets for itself, put back as they were when it ends.
import type { TestContext } from 'node:test';

/** Sets (undefined: removes) an environment variable for the rest of test `t`. */
export function setEnv(t: TestContext, name: string, value: string | undefined): void {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  t.after(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}
