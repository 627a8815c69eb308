// The child side of stand-in.ts: the Litmus stand-in for each target (kubeconfig and namespace), until
// the parent says stop. Run only by stand-in.ts.
import { KubeConfig } from '@kubernetes/client-node';
import { startFakeOperator } from '../../test/support/fake-operator.ts';
import type { StandInOptions } from './stand-in.ts';

const { targets, stepMs, runMs } = JSON.parse(process.argv[2] ?? '{}') as StandInOptions;
const operators = await Promise.all(
  targets.map(({ kubeconfig, namespace }) => {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    return startFakeOperator({ kc, namespace, stepMs, runMs });
  }),
);
process.once('message', () => {
  void Promise.all(operators.map((operator) => operator.stop())).then(() => process.exit(0));
});
process.send?.('ready');
