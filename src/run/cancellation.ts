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

const said = [
  (signal: NodeJS.Signals) => `received ${signal}: stopping the chaos and cleaning up`,
  (signal: NodeJS.Signals) => `received ${signal}: one last stop attempt, then leaving`,
  (signal: NodeJS.Signals) => `received ${signal}: leaving now`,
];

/** `say` tells the user what each signal does; a third one ends the process at once (130/143). */
export async function withCancellation<T>(
  say: (line: string) => void,
  body: (signals: Cancellation) => Promise<T>,
): Promise<T> {
  const cancel = new AbortController();
  const hurry = new AbortController();
  let count = 0;
  const handle = (signal: NodeJS.Signals) => {
    count++;
    const message = said[Math.min(count, said.length) - 1] as (signal: NodeJS.Signals) => string;
    say(message(signal));
    if (count === 1) cancel.abort(signal);
    else if (count === 2) hurry.abort(signal);
    else process.exit(signal === 'SIGINT' ? 130 : 143);
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
