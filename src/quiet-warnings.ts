// The Kubernetes client's HTTP layer (node-fetch 2) calls url.parse(), which Node 24 reports as
// DEP0169 on every run. It is not ours to fix and says nothing to a CI user, so that one warning is
// dropped; every other warning still prints.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const code =
    typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
  if (code === 'DEP0169') return;
  (emitWarning as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
