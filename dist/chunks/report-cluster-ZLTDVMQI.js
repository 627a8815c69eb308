#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  LitmusClient,
  connect,
  enginePlural,
  loadKubeContext,
  resultPlural
} from "./chunk-FDRMWWTI.js";
import {
  convertChaos
} from "./chunk-VFODMV62.js";
import "./chunk-466RCVCX.js";
import {
  readableResults
} from "./chunk-KYPTWZBF.js";
import "./chunk-EAPGYWCO.js";
import "./chunk-RG723U7L.js";
import "./chunk-JC5KUJAN.js";
import "./chunk-KFRDFFVU.js";
import "./chunk-KHFU6QK6.js";
import "./chunk-Z6ESBZ4M.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-RHZBZGPM.js";

// src/run/report-cluster.ts
async function chaosReportFromCluster(config, namespace, selector) {
  const kube = loadKubeContext(config);
  try {
    const litmus = new LitmusClient(connect(kube.kc));
    await litmus.assertInstalled();
    const engines = (await litmus.list(litmus.target(enginePlural, namespace, selector))).items;
    const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
    if (selector && uids.length === 0) {
      throw new ConfigError(`no ChaosEngine in namespace ${namespace} matches the selector "${selector}"`);
    }
    const listed = (await litmus.list(
      litmus.target(resultPlural, namespace, selector ? `chaosUID in (${uids.join(",")})` : void 0)
    )).items;
    const problems = [];
    const results = readableResults(listed, (problem) => problems.push(problem));
    if (problems.length > 0) throw new CannotRunError(problems.join("\n"));
    return convertChaos({ engines, results, asFound: true });
  } finally {
    kube.dispose();
  }
}
export {
  chaosReportFromCluster
};
