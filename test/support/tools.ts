// The real tools the tests run (installed by scripts/install-test-tools.sh into .tools/bin).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export function testTool(name: 'hey' | 'jmeter' | 'chaos'): string {
  const file = path.join(repoRoot, '.tools/bin', name);
  if (!existsSync(file))
    throw new Error(
      `${name} is not installed: run bash scripts/install-test-tools.sh (scripts/test.sh does)`,
    );
  return file;
}
