// Where a cluster's connection comes from, found as kubectl finds it but nothing read or loaded yet,
// and without the Kubernetes client: `validate` learns here, before it loads the client, whether this
// machine has a cluster to check at all.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingName } from '../config/fields.ts';
import { CannotRunError, ConfigError } from '../errors.ts';

export interface KubeTarget {
  kubeconfig?: string;
  /** The kubeconfig's YAML itself (a CI secret). */
  kubeconfigContent?: string;
  context?: string;
  inCluster?: boolean;
}

/**
 * This machine has no way to any cluster: no kubeconfig anywhere, or in-cluster outside a pod. `run`
 * cannot go on; `validate` can, as the configuration itself may be right for the machine that runs it.
 */
export class NoClusterAccessError extends CannotRunError {
  override name = 'NoClusterAccessError';
}

export type KubeconfigSource = { inCluster: true } | { content: string } | { files: string[] };

export function kubeconfigSource(target: KubeTarget): KubeconfigSource {
  if (target.inCluster && (target.kubeconfig || target.kubeconfigContent)) {
    throw new ConfigError(
      `inCluster (${settingName('inCluster')}) and a kubeconfig (${settingName('kubeconfig')}) exclude each other: give one`,
    );
  }
  if (target.inCluster) {
    if (!process.env.KUBERNETES_SERVICE_HOST)
      throw new NoClusterAccessError(
        'in-cluster: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set); give a kubeconfig instead',
      );
    return { inCluster: true };
  }
  if (target.kubeconfigContent) return { content: target.kubeconfigContent };
  return { files: kubeconfigFiles(target) };
}

function kubeconfigFiles(target: KubeTarget): string[] {
  if (target.kubeconfig) return [target.kubeconfig];
  const fromEnv = (process.env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  if (fromEnv.length === 0) {
    const file = path.join(os.homedir(), '.kube', 'config');
    if (existsSync(file)) return [file];
    // kubectl would turn to the pod's service account here; the chaos goes to that cluster only if asked.
    const inPod = process.env.KUBERNETES_SERVICE_HOST
      ? `, or use this pod's service account (${settingName('inCluster')}, or inCluster: true)`
      : '';
    throw new NoClusterAccessError(
      `no kubeconfig: KUBECONFIG is not set and ${file} does not exist; give one (${settingName('kubeconfig')})${inPod}`,
    );
  }
  // kubectl passes over the files of the list that do not exist; when none does, it is said here.
  const existing = fromEnv.filter((file) => existsSync(file));
  if (existing.length === 0)
    throw new CannotRunError(`KUBECONFIG names no file that exists: ${fromEnv.join(', ')}`);
  return existing;
}

/**
 * `kubectl` with the flags that reach the cluster `target` reaches, for a command a user runs by hand:
 * the kubeconfig file and the context given. None when they are kubectl's own defaults, which reach
 * the same cluster from where the run ran; inline content has no file to name, only its context.
 */
export function kubectlFor(target: KubeTarget): string {
  const flags = [
    // Absolute: the command is read in a log, and run from wherever its reader is.
    ...(!target.inCluster && !target.kubeconfigContent && target.kubeconfig
      ? ['--kubeconfig', path.resolve(target.kubeconfig)]
      : []),
    ...(!target.inCluster && target.context ? ['--context', target.context] : []),
  ];
  return ['kubectl', ...flags.map(shellWord)].join(' ');
}

/** A word as a POSIX shell reads it back: as it is when plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
