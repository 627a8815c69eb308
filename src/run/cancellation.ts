// SIGINT and SIGTERM → an AbortSignal for the use case. CI runners send SIGINT, then SIGTERM, then
// kill: the handlers stay for the whole use case, so a second signal cannot kill the process halfway
// through stopping the chaos.
export async function withCancellation<T>(
  onSignal: (signal: NodeJS.Signals, alreadyStopping: boolean) => void,
  body: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const handle = (signal: NodeJS.Signals) => {
    onSignal(signal, controller.signal.aborted);
    controller.abort(signal);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
  }
}
