#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  settingName
} from "./chunk-WWMJPIHK.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-A2VFD3MS.js";

// src/kube/kubeconfig-source.ts
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
var NoClusterAccessError = class extends CannotRunError {
  name = "NoClusterAccessError";
};
function kubeconfigSource(target) {
  if (target.inCluster && (target.kubeconfig || target.kubeconfigContent)) {
    throw new ConfigError(
      `inCluster (${settingName("inCluster")}) and a kubeconfig (${settingName("kubeconfig")}) exclude each other: give one`
    );
  }
  if (target.inCluster) {
    if (!process.env.KUBERNETES_SERVICE_HOST)
      throw new NoClusterAccessError(
        "in-cluster: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set); give a kubeconfig instead"
      );
    return { inCluster: true };
  }
  if (target.kubeconfigContent) return { content: target.kubeconfigContent };
  return { files: kubeconfigFiles(target) };
}
function kubeconfigFiles(target) {
  if (target.kubeconfig) return [target.kubeconfig];
  const fromEnv = (process.env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  if (fromEnv.length === 0) {
    const file = path.join(os.homedir(), ".kube", "config");
    if (existsSync(file)) return [file];
    const inPod = process.env.KUBERNETES_SERVICE_HOST ? `, or use this pod's service account (${settingName("inCluster")}, or inCluster: true)` : "";
    throw new NoClusterAccessError(
      `no kubeconfig: KUBECONFIG is not set and ${file} does not exist; give one (${settingName("kubeconfig")})${inPod}`
    );
  }
  const existing = fromEnv.filter((file) => existsSync(file));
  if (existing.length === 0)
    throw new CannotRunError(`KUBECONFIG names no file that exists: ${fromEnv.join(", ")}`);
  return existing;
}
function kubectlFor(target) {
  const flags = [
    // Absolute: the command is read in a log, and run from wherever its reader is.
    ...!target.inCluster && !target.kubeconfigContent && target.kubeconfig ? ["--kubeconfig", path.resolve(target.kubeconfig)] : [],
    ...!target.inCluster && target.context ? ["--context", target.context] : []
  ];
  return ["kubectl", ...flags.map(shellWord)].join(" ");
}
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export {
  NoClusterAccessError,
  kubeconfigSource,
  kubectlFor
};
