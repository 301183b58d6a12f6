/**
 * A mistake the user can fix (a wrong code, a missing argument, no permission). The router
 * answers it with the translated message `messageId`, never with a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly messageId: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(messageId);
  }
}
