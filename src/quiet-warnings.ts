// Warnings that say nothing to a CI user, each dropped; every other warning still prints:
//  - DEP0169: the Kubernetes client's HTTP layer (node-fetch 2) calls url.parse() on every run;
//  - DEP0123: a TLS server name that is an IP address, which kube/context.ts sets on purpose for a
//    cluster reached by IP through a SOCKS proxy, so that its certificate is checked against the IP.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const code =
    typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
  if (code === 'DEP0169' || code === 'DEP0123') return;
  (emitWarning as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
