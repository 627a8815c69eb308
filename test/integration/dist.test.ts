// dist/ is what action.yml and the npm bin run, and jenkins/resources/ what the Jenkins step runs: both
// must be the build of the committed sources.
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

test('dist/ and jenkins/resources/ match a fresh build of src/ (run `npm run build` and commit both)', () => {
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-dist-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build.ts'), fresh], { cwd: repoRoot });
  for (const folder of ['dist', 'jenkins/resources']) {
    const committed = path.join(repoRoot, folder);
    const built = path.join(fresh, folder);
    assert.deepEqual(filesUnder(committed), filesUnder(built), `the same files in ${folder}/`);
    for (const file of filesUnder(built)) {
      const same = readFileSync(path.join(committed, file)).equals(readFileSync(path.join(built, file)));
      assert.ok(same, `${folder}/${file} is stale`);
    }
  }
});
