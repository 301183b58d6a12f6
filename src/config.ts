import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The whole configuration of a running dondoc, read once from the environment (and `.env`).
 *
 * The run mode is a discriminated union so that an impossible mix (a webhook without a token,
 * say) cannot exist at run time: no token means the local sandbox, a token plus `WEBHOOK_URL`
 * means webhook mode, a token alone means long polling, and `ZALO_BOT_TOKEN` without
 * `BOT_TOKEN` means Zalo alone. Zalo (`config.zalo`) runs alongside any Telegram mode.
 */
export type Config = z.infer<typeof configSchema>;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'a Telegram bot token such as 123456:ABC-DEF… (from @BotFather)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.url({ message: 'an http(s) URL such as https://api.telegram.org' }).default('https://api.telegram.org'),
  WEBHOOK_URL: optionalText.pipe(z.url({ message: 'a public https URL for Telegram to call' }).optional()),
  WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, '1 to 256 characters of A-Z, a-z, 0-9, _ and -')
      .optional(),
  ),
  HTTP_HOST: z.string().trim().min(1, 'a host name or IP address').default('127.0.0.1'),
  HTTP_PORT: z.coerce
    .number({ message: 'a TCP port number from 0 to 65535' })
    .int('a TCP port number from 0 to 65535')
    .min(0, 'a TCP port number from 0 to 65535')
    .max(65535, 'a TCP port number from 0 to 65535')
    .default(8080),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'file:PATH for SQLite or postgresql://USER@HOST:PORT/DB')
    .default('file:./data/dondoc.db'),
  DONDOC_TIMEZONE: z
    .string()
    .trim()
    .refine(isKnownTimeZone, 'an IANA time zone such as Asia/Ho_Chi_Minh')
    .default('Asia/Ho_Chi_Minh'),
  DONDOC_LOCALE: z.enum(['vi', 'en'], { message: 'vi or en' }).default('vi'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DASHBOARD_SECRET: optionalText.pipe(z.string().min(16, 'at least 16 characters').optional()),
  PUBLIC_URL: optionalText.pipe(z.url({ message: 'the http(s) URL people reach this server at' }).optional()),
  ZALO_BOT_TOKEN: optionalText,
  ZALO_API_ROOT: z.url({ message: 'an http(s) URL' }).default('https://bot-api.zaloplatforms.com'),
  ZALO_WEBHOOK_URL: optionalText.pipe(z.url({ message: 'a public https URL for Zalo to call' }).optional()),
  ZALO_WEBHOOK_SECRET: optionalText.pipe(z.string().min(8, '8 to 256 characters').max(256, '8 to 256 characters').optional()),
  // The name Zalo users see and write after "@"; Zalo's getMe does not tell it (see src/messaging/zalo/mention.ts).
  ZALO_BOT_NAME: optionalText.pipe(z.string().max(60, 'at most 60 characters').optional()),
});

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const configSchema = envSchema.transform((env) => {
  const common = {
    http: { host: env.HTTP_HOST, port: env.HTTP_PORT },
    databaseUrl: env.DATABASE_URL,
    timeZone: env.DONDOC_TIMEZONE,
    locale: env.DONDOC_LOCALE,
    logLevel: env.LOG_LEVEL,
    /** Signed dashboard links: without a secret each process draws a random one, so links die on restart. */
    dashboard: { secret: env.DASHBOARD_SECRET, publicUrl: env.PUBLIC_URL },
    zalo: env.ZALO_BOT_TOKEN
      ? {
          token: env.ZALO_BOT_TOKEN,
          apiRoot: env.ZALO_API_ROOT,
          webhookUrl: env.ZALO_WEBHOOK_URL,
          webhookSecret: env.ZALO_WEBHOOK_SECRET,
          botName: env.ZALO_BOT_NAME?.replace(/^@/, ''),
        }
      : undefined,
  };
  if (!env.BOT_TOKEN) {
    // Zalo alone, or with no platform at all the local sandbox.
    return common.zalo ? { ...common, mode: 'zalo' as const, zalo: common.zalo } : { ...common, mode: 'sandbox' as const };
  }
  const telegram = { token: env.BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT };
  if (env.WEBHOOK_URL) {
    return {
      ...common,
      mode: 'webhook' as const,
      // A secret is always in force: without one anybody who finds the URL could post updates
      // in any official's name. When none is configured each run draws one (as the Zalo adapter
      // does) and gives it to setWebhook; it is drawn here so the logger can redact it too.
      telegram: { ...telegram, webhookUrl: env.WEBHOOK_URL, webhookSecret: env.WEBHOOK_SECRET ?? randomBytes(32).toString('base64url') },
    };
  }
  return { ...common, mode: 'polling' as const, telegram };
});

/** Thrown when the environment does not describe a valid configuration; its message is one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Validates an environment (normally `process.env` after `.env` is loaded) into a {@link Config}.
 * Every problem names the variable and what it expects, never the value it got: a bad token
 * must not be echoed to a terminal or a log.
 */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'environment');
    return `${variable}: expected ${issue.message}`;
  });
  throw new ConfigError(problems);
}
