// The Litmus stand-in (test/support/fake-operator.ts) in a process of its own: its work for a hundred
// engines would otherwise delay, in this process, the timestamps taken of the CLI's lines. When it
// wrote what is read from the audit log (figures.ts), not from its events, whose `at` is taken when an
// answer reached it: in a busy process, hundreds of ms late.
import { fork } from 'node:child_process';
import path from 'node:path';

export interface StandInOptions {
  /** One operator per entry: an admin kubeconfig file and the namespace it plays in. */
  targets: { kubeconfig: string; namespace: string }[];
  stepMs: number;
  /** How long each experiment "runs": the wait the CLI sees. */
  runMs: number;
}

export async function startStandIn(options: StandInOptions): Promise<{ stop(): Promise<void> }> {
  const child = fork(path.join(import.meta.dirname, 'stand-in-process.ts'), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    void exited.then(() => reject(new Error('the Litmus stand-in exited before it was ready')));
  });
  return {
    async stop() {
      child.send('stop');
      await exited;
    },
  };
}
