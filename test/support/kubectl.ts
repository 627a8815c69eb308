// The real kubectl (scripts/sandbox/build.sh builds it at the API server's release) on a sandbox, and
// Litmus objects created there for it to print: what a user saves from a cluster, made by the tool
// that saves it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { litmusGroup, litmusVersion } from '../../src/litmus/types.ts';
import { buildOutputs, type Sandbox } from './sandbox.ts';

export interface Kubectl {
  /** Its output as text; a failure says what kubectl said. */
  (...args: string[]): string;
  /** `kubectl ARGS > file 2>&1`: both streams into one file, as a shell's redirection writes them. */
  saveAll(file: string, ...args: string[]): void;
}

/** kubectl on `sandbox`, with its discovery cache under `home` rather than the user's ~/.kube. */
export function sandboxKubectl(sandbox: Sandbox, home: string): Kubectl {
  const binary = buildOutputs('kubectl').kubectl;
  assert.ok(binary, 'scripts/sandbox/build.sh printed no kubectl path');
  const options = { env: { ...process.env, HOME: home } };
  const argv = (args: string[]) => ['--kubeconfig', sandbox.kubeconfigPath, ...args];
  const kubectl = (...args: string[]) => {
    const ran = spawnSync(binary, argv(args), { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.equal(ran.status, 0, `kubectl ${args.join(' ')}: ${ran.stderr}`);
    return ran.stdout;
  };
  kubectl.saveAll = (file: string, ...args: string[]) => {
    const fd = openSync(file, 'w');
    try {
      const ran = spawnSync(binary, argv(args), { ...options, stdio: ['ignore', fd, fd] });
      assert.equal(ran.status, 0, `kubectl ${args.join(' ')} failed`);
    } finally {
      closeSync(fd);
    }
  };
  return kubectl;
}

/** Creates a Litmus object (`plural`: chaosresults, chaosengines) in its namespace; returns it as created. */
export async function createLitmusObject<T extends { metadata?: { namespace?: string } }>(
  sandbox: Sandbox,
  plural: string,
  body: T,
): Promise<T> {
  return (await sandbox.kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    group: litmusGroup,
    version: litmusVersion,
    namespace: body.metadata?.namespace ?? '',
    plural,
    body,
  })) as T;
}
