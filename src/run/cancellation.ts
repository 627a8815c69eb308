// SIGINT and SIGTERM → AbortSignals for the use case. CI runners send SIGINT, then SIGTERM, then kill
// (GitHub: 7.5 s, then 2.5 s). The first signal cancels: the chaos is stopped and confirmed, then
// cleaned up. The next one says the runner is about to kill us: one last stop attempt, then out. The
// handlers stay for the whole use case, so no signal kills the process halfway through stopping.
export interface Cancellation {
  /** Aborted, with the signal's name as reason, at the first signal. */
  cancel: AbortSignal;
  /** Aborted at the second signal. */
  hurry: AbortSignal;
}

export async function withCancellation<T>(
  onSignal: (signal: NodeJS.Signals, count: number) => void,
  body: (signals: Cancellation) => Promise<T>,
): Promise<T> {
  const cancel = new AbortController();
  const hurry = new AbortController();
  let count = 0;
  const handle = (signal: NodeJS.Signals) => {
    count++;
    onSignal(signal, count);
    if (count === 1) cancel.abort(signal);
    else hurry.abort(signal);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  try {
    return await body({ cancel: cancel.signal, hurry: hurry.signal });
  } finally {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
  }
}
