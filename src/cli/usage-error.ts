/** A mistake in how a subcommand was called; the CLI prints its message alone, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
