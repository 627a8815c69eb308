// What to do about a workflow the controller errored for its `workflowRestrictions`
// (`templateReferencing: Strict` or `Secure` in its workflow-controller-configmap), as hardened
// installations run it. The controller says only what it refused (argo-workflows
// workflow/controller/operator.go setExecWorkflow, setStoredWfSpec; workflow/util/merge.go); the
// user also needs to know why, and what would run. Pure.

/**
 * The spec fields a workflow that references a WorkflowTemplate may set under those restrictions
 * (argo-workflows workflow/util/merge.go allowedUserOverrideFields, by their YAML names).
 */
export const referenceOverrides = [
  'arguments',
  'entrypoint',
  'shutdown',
  'suspend',
  'activeDeadlineSeconds',
  'priority',
  'ttlStrategy',
  'podGC',
  'volumeClaimGC',
  'archiveLogs',
  'workflowMetadata',
  'workflowTemplateRef',
  'metrics',
  'artifactGC',
] as const;

const restricted =
  'the controller runs only WorkflowTemplates (workflowRestrictions.templateReferencing Strict or Secure in its workflow-controller-configmap)';

/** `templateSetting`: how the running front takes workflow.template, for the advice that names it. */
const advice = (templateSetting: string): { refusal: RegExp; did: string; what: string }[] => [
  {
    refusal:
      /^workflows must use workflowTemplateRef to be executed when the controller is in reference mode/,
    did: 'refused to run it',
    what:
      `${restricted}: put the workflow's templates in a WorkflowTemplate and run that with ` +
      `workflow.template (${templateSetting}), or ask for the restriction to be lifted`,
  },
  {
    refusal:
      /^fields \[.*\] are not permitted when using workflowTemplateRef with templateReferencing restriction/,
    did: 'refused to run it',
    what:
      `${restricted}, and a workflow that references one may set only ${referenceOverrides.join(', ')}: ` +
      'move the other fields into the WorkflowTemplate, or ask for the restriction to be lifted',
  },
  {
    refusal:
      /^WorkflowSpec may not change during execution when the controller is set `templateReferencing: Secure`/,
    did: 'stopped running it',
    what:
      "the WorkflowTemplate it runs (or the controller's workflowDefaults) changed while it ran, which " +
      'templateReferencing: Secure does not allow: change templates only when no run uses them, and run again',
  },
];

/**
 * The controller's message, said as what it did and why, with what to do, when it ended the workflow
 * for its restrictions; undefined for any other message.
 */
export function restrictionAdvice(
  message: string,
  templateSetting = '--workflow-template',
): string | undefined {
  const found = advice(templateSetting).find(({ refusal }) => refusal.test(message));
  return found && `the workflow controller ${found.did}: "${message}"; ${found.what}`;
}
