#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  array,
  closestName,
  fieldPath,
  looseObject,
  record,
  string
} from "./chunk-LFKR3ZVH.js";

// src/kube/object-meta.ts
var objectMetaSchema = looseObject({
  name: string().optional(),
  generateName: string().optional(),
  namespace: string().optional(),
  uid: string().optional(),
  resourceVersion: string().optional(),
  creationTimestamp: string().optional(),
  labels: record(string(), string()).optional(),
  annotations: record(string(), string()).optional(),
  managedFields: array(looseObject({ manager: string().optional(), time: string().optional() })).optional()
});
var objectMetaFields = [
  "annotations",
  "creationTimestamp",
  "deletionGracePeriodSeconds",
  "deletionTimestamp",
  "finalizers",
  "generateName",
  "generation",
  "labels",
  "managedFields",
  "name",
  "namespace",
  "ownerReferences",
  "resourceVersion",
  "selfLink",
  "uid"
];
function metadataProblems(source, metadata) {
  return Object.keys(metadata).filter((key) => !objectMetaFields.includes(key)).map((key) => {
    const meant = closestName(key, objectMetaFields);
    return `${source}: field ${fieldPath(["metadata", key])}: unknown field${meant ? `; did you mean "${meant}"?` : ""} (not in ObjectMeta, so the server would refuse it)`;
  });
}

export {
  objectMetaSchema,
  metadataProblems
};
