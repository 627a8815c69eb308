// The main job end to end with no cluster: a real kube-apiserver (the sandbox) with the Litmus CRDs,
// a stand-in for the chaos-operator, and `chaos-gate run` on examples/pod-delete. The stand-in writes
// what a real operator writes; it injects no fault.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFakeOperator } from '../test/support/fake-operator.ts';
import { repoRoot } from '../test/support/fixtures.ts';
import { startSandbox } from '../test/support/sandbox.ts';

const example = path.join(repoRoot, 'examples/pod-delete');
const out = path.join(repoRoot, 'out/chaos-gate');

console.log('chaos-gate demo: starting a real kube-apiserver + etcd on loopback (no cluster needed)');
const sandbox = await startSandbox();
let code: number;
try {
  await sandbox.createNamespace('shop');
  const operator = await startFakeOperator({ kc: sandbox.kc, namespace: 'shop', stepMs: 1500 });
  console.log('chaos-gate demo: the sandbox plays the LitmusChaos operator; no real fault is injected\n');
  try {
    code = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          path.join(repoRoot, 'dist/cli.js'),
          'run',
          '--config',
          path.join(example, 'chaos-gate.yaml'),
          '--kubeconfig',
          sandbox.kubeconfigPath,
        ],
        { stdio: 'inherit' },
      );
      child.on('close', (exit) => resolve(exit ?? 2));
    });
  } finally {
    await operator.stop();
  }
} finally {
  await sandbox.stop();
}
console.log(`\nchaos-gate demo: exit code ${code}. Open the reports:`);
for (const file of ['junit.xml', 'report.json', 'report.html', 'summary.md'])
  console.log(`  ${path.join(out, file)}`);
process.exit(code);
