// dist/ is what action.yml and the npm bin run: it must be the build of the committed sources.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/fixtures.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

test('dist/ matches a fresh build of src/ (run `npm run build` and commit dist/)', () => {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-dist-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.ts'), fresh], { cwd: repoRoot });
  const committed = path.join(repoRoot, 'dist');
  assert.deepEqual(filesUnder(committed), filesUnder(fresh), 'the same files');
  for (const file of filesUnder(fresh)) {
    const same = readFileSync(path.join(committed, file)).equals(readFileSync(path.join(fresh, file)));
    assert.ok(same, `dist/${file} is stale`);
  }
});
