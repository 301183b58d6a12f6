/** Resolves on SIGINT or SIGTERM, so that a long-running command stops polling and closes the database cleanly. */
export function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
