// Where the cluster is: KUBECONFIG or the default file, an explicit file, inline content, a named
// context, or the pod's service account. Inline content goes to a 0600 temp file that is removed on
// every exit path, so a secret never outlives the step.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { CannotRunError, errorMessage } from '../errors.ts';

export interface KubeTarget {
  kubeconfig?: string;
  /** The kubeconfig's YAML itself (a CI secret). */
  kubeconfigContent?: string;
  context?: string;
  inCluster?: boolean;
}

export interface KubeContext {
  kc: KubeConfig;
  /** The kubeconfig file in use, for tools the step starts (load tests). */
  kubeconfigPath?: string;
  /** Removes the temp file written for inline content. Safe to call twice. */
  dispose(): void;
}

export function loadKubeContext(target: KubeTarget): KubeContext {
  const kc = new KubeConfig();
  let kubeconfigPath = target.kubeconfig;
  let dispose = () => {};
  try {
    if (target.inCluster) {
      kc.loadFromCluster();
    } else if (target.kubeconfigContent) {
      const temp = writeSecretFile(target.kubeconfigContent);
      kubeconfigPath = temp.file;
      dispose = temp.remove;
      kc.loadFromFile(temp.file);
    } else if (target.kubeconfig) {
      kc.loadFromFile(target.kubeconfig);
    } else {
      kc.loadFromDefault();
      kubeconfigPath = process.env.KUBECONFIG?.split(path.delimiter)[0];
    }
  } catch (error) {
    dispose();
    const source = target.inCluster
      ? 'the in-cluster service account'
      : target.kubeconfigContent
        ? 'the inline kubeconfig'
        : (target.kubeconfig ?? 'the default kubeconfig');
    throw new CannotRunError(`cannot load ${source}: ${errorMessage(error)}`);
  }
  if (target.context) {
    if (!kc.getContexts().some((c) => c.name === target.context)) {
      dispose();
      const known = kc.getContexts().map((c) => c.name);
      throw new CannotRunError(
        `kube context "${target.context}" not found; the kubeconfig has: ${known.join(', ') || '(none)'}`,
      );
    }
    kc.setCurrentContext(target.context);
  }
  if (!kc.getCurrentCluster()) {
    dispose();
    throw new CannotRunError('no Kubernetes cluster configured: set kubeconfig, KUBECONFIG or a context');
  }
  return { kc, kubeconfigPath, dispose };
}

function writeSecretFile(content: string): { file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chaos-gate-'));
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(file, content, { mode: 0o600 });
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', remove);
  };
  // Also on paths that skip `finally`: process.exit() and uncaught errors.
  process.on('exit', remove);
  return { file, remove };
}

/** The namespace of the current context, the default for manifests that name none. */
export function contextNamespace(kc: KubeConfig): string {
  return kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
}
