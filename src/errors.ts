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
  /** What the cancel left, told the user: `report`'s and `merge`'s; `run`'s is that no chaos started. */
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
