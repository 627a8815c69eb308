#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  convertChaos,
  expectedResultNames
} from "./chunk-GT5XNYMC.js";
import "./chunk-466RCVCX.js";
import {
  LitmusClient,
  connect,
  enginePlural,
  pMap,
  resultPlural
} from "./chunk-VT6T4KIK.js";
import {
  readableResults
} from "./chunk-5MARIX4C.js";
import "./chunk-LF3FT27P.js";
import {
  loadKubeContext
} from "./chunk-2HSGNRDW.js";
import "./chunk-AQR3BGEP.js";
import "./chunk-CVJQ4RIC.js";
import "./chunk-OAKIOCXP.js";
import "./chunk-Z6P6WKDV.js";
import "./chunk-YVWUPZAG.js";
import "./chunk-2NT3QNSY.js";
import "./chunk-72G7U3RQ.js";
import {
  CannotRunError,
  ConfigError
} from "./chunk-I6FGCH2J.js";

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
