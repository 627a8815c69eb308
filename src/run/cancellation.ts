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

/** What the first, the second and the third signal do, told to the user. */
type Said = [first: Told, second: Told, third?: Told];
type Told = (signal: NodeJS.Signals) => string;

const runSaid: Said = [
  (signal) => `received ${signal}: stopping the chaos and cleaning up`,
  (signal) => `received ${signal}: one last stop attempt, then leaving`,
  (signal) => `received ${signal}: leaving now`,
];

/**
 * `report` and `merge` apply nothing, so there is nothing to stop but themselves. Removing what they
 * wrote cannot hang, so no signal ends them before it is done: a report cut off halfway by a second
 * signal would be read as a whole one by the CI step that publishes reports whatever happened.
 */
export const reportSaid: Said = [
  (signal) => `received ${signal}: stopping, leaving no report behind`,
  (signal) => `received ${signal}: already stopping`,
];

/**
 * `say` tells the user what each signal does; for `run`, a third one ends the process at once
 * (130/143). Repeated signals past the last `said` say it again.
 */
export async function withCancellation<T>(
  say: (line: string) => void,
  body: (signals: Cancellation) => Promise<T>,
  said: Said = runSaid,
): Promise<T> {
  const cancel = new AbortController();
  const hurry = new AbortController();
  let count = 0;
  const handle = (signal: NodeJS.Signals) => {
    count++;
    const message = said[Math.min(count, said.length) - 1] as Told;
    say(message(signal));
    if (count === 1) cancel.abort(signal);
    else if (count === 2) hurry.abort(signal);
    else if (said.length > 2) process.exit(signal === 'SIGINT' ? 130 : 143);
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
