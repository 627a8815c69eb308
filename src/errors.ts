// Errors that mean "chaos-gate could not run" (exit code 2): bad configuration or manifests, no
// connection, no permission, LitmusChaos missing. Their message is shown to the user as it is, so it
// names the file, document and field, or the verb and resource.
export class CannotRunError extends Error {
  override name = 'CannotRunError';
}

export class ConfigError extends CannotRunError {
  override name = 'ConfigError';
}

/** The run was cancelled (SIGINT/SIGTERM, or the GitHub runner cancelling the job). */
export class CancelledError extends Error {
  override name = 'CancelledError';
  readonly signal: NodeJS.Signals;
  /**
   * What the cancel left, told the user: `report`'s and `merge`'s; `run`'s, the clusters whose chaos had
   * started and failed by then, or the report it could not write. Unset for `run`: it came before any
   * chaos started.
   */
  readonly left?: string;
  constructor(signal: NodeJS.Signals, left?: string) {
    super(`cancelled by ${signal}${left ? `; ${left}` : ''}`);
    this.signal = signal;
    this.left = left;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Something an error carries on its way to the code that reports it (a run's warnings, the stops it
 * could not confirm). Kept beside the error rather than in a wrapper, which would hide the error's
 * class that the exit code and the fronts read; a thrown non-object becomes an Error to carry it.
 */
export function errorCarrier<T>(): {
  carrying: (error: unknown, value: T) => unknown;
  carriedBy: (error: unknown) => T | undefined;
} {
  const carried = new WeakMap<object, T>();
  return {
    carrying(error, value) {
      const carrier = typeof error === 'object' && error !== null ? error : new Error(String(error));
      carried.set(carrier, value);
      return carrier;
    },
    carriedBy: (error) => (typeof error === 'object' && error !== null ? carried.get(error) : undefined),
  };
}
