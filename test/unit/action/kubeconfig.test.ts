import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubeconfigText, refusePathAsKubeconfig } from '../../../src/action/inputs.ts';

const yaml = 'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://k:6443"}\n';

test('kubeconfig input: YAML as it is, base64 of it decoded (with or without line breaks)', () => {
  assert.equal(kubeconfigText(yaml), yaml);
  const encoded = Buffer.from(yaml).toString('base64');
  assert.equal(kubeconfigText(encoded), yaml);
  assert.equal(kubeconfigText(`${encoded.replace(/(.{20})/g, '$1\n')}\n`), yaml, 'base64 -w76 output');
});

test('kubeconfig input: base64 of something else is refused with a message that shows none of it', () => {
  const encoded = Buffer.from('not a kubeconfig at all').toString('base64');
  assert.throws(
    () => kubeconfigText(encoded),
    (error: Error) => {
      assert.match(error.message, /kubeconfig: looks like base64 but does not decode to a kubeconfig/);
      assert.ok(!error.message.includes(encoded));
      return true;
    },
  );
});

test('kubeconfig input: a path is refused with a pointer to kubeconfig-path, whatever it looks like', () => {
  // A file an earlier step wrote (aws eks update-kubeconfig --kubeconfig kubeconfig): a bare word.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-kubeconfig-'));
  writeFileSync(path.join(dir, 'kubeconfig'), '');
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    for (const given of [
      '/home/runner/work/_temp/kubeconfig',
      '~/.kube/config',
      './kubeconfig.yaml',
      'kubeconfig.yaml',
      '/tmp/kubeconfig1',
      // A Windows runner's: the drive's colon is no `key: value`.
      'C:\\Users\\runneradmin\\.kube\\config',
      'D:/a/_temp/kubeconfig',
      'kubeconfig',
    ])
      assert.throws(
        () => refusePathAsKubeconfig(`${given}\n`),
        /^ConfigError: action inputs: kubeconfig: takes the kubeconfig's content, not a path: give a file as kubeconfig-path$/,
        given,
      );
  } finally {
    process.chdir(cwd);
  }
});

test('kubeconfig input: content is no path, one line or many', () => {
  // A real kubeconfig's base64 (`base64 -w0`): one line of thousands of characters, more than a file name holds.
  const withCertificate = `${yaml}    certificate-authority-data: ${'a'.repeat(3000)}\n`;
  for (const content of [
    yaml,
    Buffer.from(yaml).toString('base64'),
    Buffer.from(withCertificate).toString('base64'),
    '{"apiVersion":"v1","kind":"Config"}',
  ])
    assert.doesNotThrow(() => refusePathAsKubeconfig(content));
});

test('kubeconfig input: base64 of a JSON kubeconfig, one line or indented, decoded as YAML is', () => {
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://k:6443' } }],
  };
  for (const json of [JSON.stringify(kubeconfig), JSON.stringify(kubeconfig, null, 2)])
    assert.equal(kubeconfigText(Buffer.from(json).toString('base64')), json);
});
