import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear in a log object. Tokens travel inside URLs
 * (`/bot<TOKEN>/method`) and headers, so both are covered, and {@link redactSecrets}
 * scrubs free text such as error messages.
 */
const redactedPaths = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'webhookSecret',
  '*.webhookSecret',
  'secret',
  '*.secret',
  'headers["x-telegram-bot-api-secret-token"]',
  '*.headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  '*.headers["x-bot-api-secret-token"]',
];

// No leading \b: a token usually follows "bot" in a URL path (`/bot123:ABC…/getMe`).
const tokenPattern = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Replaces anything shaped like a Telegram bot token, and the given known secrets, with a placeholder. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text.replace(tokenPattern, '[token]');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[secret]');
  }
  return result;
}

/**
 * Creates the process logger. Known secrets are registered so that even an error message that
 * quotes a URL with the token in it is scrubbed before it is written.
 */
export function createLogger(options: {
  level: string;
  secrets?: readonly (string | undefined)[];
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: redactedPaths, censor: '[secret]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => scrub(arg, secrets));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: unknown) => scrub(pino.stdSerializers.err(error as Error), secrets),
      },
    },
    options.destination,
  );
}

function scrub(value: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, secrets)]));
  }
  return value;
}
