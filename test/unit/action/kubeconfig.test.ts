import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubeconfigText } from '../../../src/action/inputs.ts';

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
  for (const path of [
    '/home/runner/work/_temp/kubeconfig',
    '~/.kube/config',
    './kubeconfig.yaml',
    'kubeconfig.yaml',
    '/tmp/kubeconfig1',
  ])
    assert.throws(
      () => kubeconfigText(`${path}\n`),
      /^ConfigError: action inputs: kubeconfig: takes the kubeconfig's content, not a path: give a file as kubeconfig-path$/,
      path,
    );
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
