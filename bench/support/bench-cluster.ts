// A sandbox API server for the cluster benchmarks, with an audit log, and an identity of the CLI's own
// (a ServiceAccount bound to cluster-admin) so that the log tells its requests from the stand-in's and
// the benchmark's (those are the sandbox's admin).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { startSandbox, type Sandbox } from '../../test/support/sandbox.ts';

export interface BenchCluster {
  sandbox: Sandbox;
  /** The CLI's kubeconfig file. */
  kubeconfig: string;
}

const identity = { namespace: 'chaos-gate-bench', serviceAccount: 'cli' };
/** Who is who in the audit log. */
export const users = {
  cli: `system:serviceaccount:${identity.namespace}:${identity.serviceAccount}`,
  standIn: 'sandbox-admin',
};

export async function startBenchCluster(): Promise<BenchCluster> {
  const sandbox = await startSandbox({ auditLog: true });
  const { namespace, serviceAccount } = identity;
  const token = await sandbox.mintToken(namespace, serviceAccount, 6 * 3600);
  await sandbox.kc.makeApiClient(RbacAuthorizationV1Api).createClusterRoleBinding({
    body: {
      metadata: { name: 'chaos-gate-bench-cli' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    },
  });
  const kubeconfig = path.join(sandbox.dir, 'cli-kubeconfig');
  writeFileSync(kubeconfig, sandbox.kubeconfigFor(token, 'chaos-gate-cli'), { mode: 0o600 });
  return { sandbox, kubeconfig };
}
