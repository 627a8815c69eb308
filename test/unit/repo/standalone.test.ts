// A clone of this repository must work with nothing beside it: no file may reach for the research
// folder that sat next to the repository while it was written (README and docs may mention it).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../support/fixtures.ts';

const outside = /\.\.\/shared\b|\/work\/shared\b|\bshared\/(fixtures|research)\b/;
/** Not part of the repository: installed, generated or local state (.gitignore). */
const skipped = new Set(['.git', 'node_modules', '.tools', '.sandbox', 'out']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

test('no file outside README and docs refers to a folder beside the repository', () => {
  const all = files(repoRoot).map((file) => path.relative(repoRoot, file));
  assert.ok(
    all.includes('scripts/test.sh') && all.includes('scripts/sandbox/crds/litmuschaos.io_chaosengines.yaml'),
    'walked the tree',
  );
  const offenders = all
    .filter((file) => !/(^|\/)README\.md$/.test(file) && !file.startsWith('docs/'))
    .filter((file) => outside.test(readFileSync(path.join(repoRoot, file), 'latin1')));
  assert.deepEqual(offenders, []);
});

test('the pattern catches the ways such a path is written', () => {
  // Put together here, so this file does not hold the very references the tree is searched for.
  const beside = ['..', 'shared'].join('/');
  for (const reference of [
    `${beside}/fixtures/x.yaml`,
    `path.resolve(root, '${beside}')`,
    `/work/${beside.slice(3)}/research`,
  ])
    assert.match(reference, outside, reference);
  assert.doesNotMatch('the shared library in jenkins/', outside);
});
