#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  convertChaos,
  expectedResultNames
} from "./chunk-PXFUVPJ3.js";
import "./chunk-466RCVCX.js";
import {
  LitmusClient,
  connect,
  enginePlural,
  pMap,
  resultPlural
} from "./chunk-FTCHEUJJ.js";
import {
  readableResults
} from "./chunk-4PREBK7H.js";
import "./chunk-IGRTILGH.js";
import {
  loadKubeContext
} from "./chunk-GG633MRR.js";
import "./chunk-WKLY2BNK.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-X4QZAPBZ.js";
import "./chunk-JDCHZ752.js";
import "./chunk-WWMJPIHK.js";
import "./chunk-52RQKVFM.js";
import "./chunk-LFKR3ZVH.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-A2VFD3MS.js";

// src/run/report-cluster.ts
async function chaosReportFromCluster(config, namespace, selector, log, signal) {
  const litmus = new LitmusClient(
    connect(loadKubeContext(config, { say: (line) => log(`chaos-gate: ${line}`) }), { signal })
  );
  await litmus.assertInstalled();
  const engines = (await litmus.list(litmus.target(enginePlural, namespace, selector))).items;
  const uids = engines.map((e) => e.metadata.uid).filter(Boolean);
  if (selector && uids.length === 0) {
    throw new ConfigError(`no ChaosEngine in namespace ${namespace} matches the selector "${selector}"`);
  }
  const listed = (await litmus.list(
    litmus.target(resultPlural, namespace, selector ? `chaosUID in (${uids.join(",")})` : void 0)
  )).items;
  if (selector) listed.push(...await resultsUnderExpectedNames(litmus, namespace, engines, listed));
  const problems = [];
  const results = readableResults(listed, (problem) => problems.push(problem));
  if (problems.length > 0) throw new CannotRunError(problems.join("\n"));
  return convertChaos({ engines, results, asFound: true });
}
async function resultsUnderExpectedNames(litmus, namespace, engines, listed) {
  const have = new Set(listed.map((result) => result.metadata.name));
  const missing = engines.flatMap(expectedResultNames).filter((name) => !have.has(name));
  const found = await pMap(missing, (name) => litmus.getResult(namespace, name), { concurrency: 8 });
  return found.filter((result) => result !== void 0);
}
export {
  chaosReportFromCluster
};
