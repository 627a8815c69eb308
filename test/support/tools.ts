// The real tools the tests run (installed by scripts/install-test-tools.sh into .tools/).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

/** Where scripts/install-test-tools.sh puts each tool, under .tools/. */
const installedAt = {
  hey: 'bin/hey',
  jmeter: 'bin/jmeter',
  chaos: 'bin/chaos',
  junitparser: 'python/bin/python',
} as const;

export function testTool(name: keyof typeof installedAt): string {
  const file = path.join(repoRoot, '.tools', installedAt[name]);
  if (!existsSync(file)) throw notInstalled(name);
  return file;
}

/** A tool a test needs is missing: say how to install it, rather than spawn's bare ENOENT. */
export function notInstalled(name: string): Error {
  return new Error(`${name} is not installed: run bash scripts/install-test-tools.sh (scripts/test.sh does)`);
}
