/** Resolves on SIGINT or SIGTERM, so that a long-running command stops polling and closes the database cleanly. */
export function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/**
 * Ends the process `ms` from now with `code` if nothing else has ended it. A Bot API call
 * waiting on a server that never answers keeps Node's event loop alive after the app has
 * stopped waiting for it, and a stop asked for during an outage must still end. The timer does
 * not itself keep the process alive: a process with nothing left to do exits before it fires.
 */
export function exitWithin(ms: number, code: number): void {
  setTimeout(() => process.exit(code), ms).unref();
}
