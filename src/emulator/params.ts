import { badRequest } from './api-error.js';

/** A file part of a multipart/form-data request, as grammY's `InputFile` sends it. */
export interface UploadedFile {
  readonly kind: 'upload';
  readonly fileName: string;
  readonly data: Buffer;
}

/**
 * The parameters of one Bot API call. Telegram accepts them as a query string, a urlencoded or
 * multipart form (where every value is a string and objects are JSON text) or a JSON body (where
 * values are native, though objects may still arrive as JSON text), so each getter accepts both
 * spellings instead of every method re-implementing the coercion.
 */
export class Params {
  constructor(private readonly values: Record<string, unknown>) {}

  /** Whether the parameter was sent at all (an empty string counts as absent, as on Telegram). */
  has(name: string): boolean {
    const value = this.values[name];
    return value !== undefined && value !== null && value !== '';
  }

  /** The value as it arrived, for the few places that must tell a file from a file_id. */
  raw(name: string): unknown {
    return this.values[name];
  }

  /** A string parameter; numbers are accepted and turned into text. */
  string(name: string): string | undefined {
    const value = this.values[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** An integer parameter, or undefined when it is absent or not a whole number. */
  integer(name: string): number | undefined {
    const value = this.values[name];
    if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
    if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
    return undefined;
  }

  /** A boolean parameter: `true`, `"true"` and `"1"` are true, as Telegram reads them. */
  boolean(name: string): boolean {
    const value = this.values[name];
    return value === true || value === 'true' || value === '1' || value === 1;
  }

  /** A JSON-object or JSON-array parameter; `reason` is the 400 description when it cannot be parsed. */
  json<T>(name: string, reason: string): T | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw badRequest(reason);
    }
  }

  /** A chat identifier: an integer id or an `@username` of a public group. */
  chatId(name = 'chat_id'): number | string | undefined {
    const value = this.values[name];
    if (typeof value === 'number') return value;
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const text = value.trim();
    return /^-?\d+$/.test(text) ? Number(text) : text;
  }
}
