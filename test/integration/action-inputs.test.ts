// The built action (dist/index.js) run the way a GitHub runner runs it, without a cluster.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runEntry } from '../support/run-node.ts';

function runnerFiles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-runner-'));
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    state: path.join(dir, 'state'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return { dir, ...files };
}

test('bad inputs: the step fails, names the input, and sets verdict=error', async () => {
  const runner = runnerFiles();
  const { done } = runEntry('dist/index.js', [], {
    cwd: runner.dir,
    env: {
      GITHUB_OUTPUT: runner.output,
      GITHUB_STEP_SUMMARY: runner.summary,
      GITHUB_STATE: runner.state,
      INPUT_ENGINES: 'engine.yaml',
      INPUT_TIMEOUT: 'soon',
    },
  });
  const finished = await done;
  assert.equal(finished.code, 1);
  assert.match(finished.stdout, /::error::action inputs: timeout: "soon" is not a duration/);
  assert.match(readFileSync(runner.output, 'utf8'), /verdict<<.*\nerror\n/);
});

test('kubeconfig content is masked before anything else is printed', async () => {
  const runner = runnerFiles();
  const token = 'sha256~averysecrettokenvalue0123456789';
  const { done } = runEntry('dist/index.js', [], {
    cwd: runner.dir,
    env: {
      GITHUB_OUTPUT: runner.output,
      GITHUB_STEP_SUMMARY: runner.summary,
      GITHUB_STATE: runner.state,
      INPUT_KUBECONFIG: `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: ${token}\n`,
      INPUT_ENGINES: path.join(runner.dir, 'missing-engine.yaml'),
    },
  });
  const finished = await done;
  assert.equal(finished.code, 1);
  assert.ok(finished.stdout.includes(`::add-mask::${token}`), 'the token line is masked');
  assert.match(finished.stdout, /missing-engine\.yaml: cannot read the manifest/);
});
