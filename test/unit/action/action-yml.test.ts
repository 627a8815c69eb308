import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { inputsOf } from '../../../src/action/inputs.ts';
import { repoRoot } from '../../support/fixtures.ts';

interface ActionYml {
  inputs: Record<string, { description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string };
}

const actionYml = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;

test('action.yml declares exactly the inputs the action reads, and runs on node24 with a post step', () => {
  const read = new Set([...inputsOf('run'), ...inputsOf('merge')]);
  assert.deepEqual(Object.keys(actionYml.inputs).sort(), [...read].sort());
  assert.deepEqual(actionYml.runs, { using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
});
