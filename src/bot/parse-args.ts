import type { z } from 'zod';
import { UserError } from './errors.js';

/**
 * Validates a command's arguments with its schema from `commands/arguments.ts`. A failure
 * becomes a {@link UserError} whose message (`args-…`) shows the right usage.
 */
export function parseArgs<T>(schema: z.ZodType<T, string>, text: string): T {
  const result = schema.safeParse(text);
  if (result.success) return result.data;
  throw new UserError(result.error.issues[0]?.message ?? 'args-invalid');
}
