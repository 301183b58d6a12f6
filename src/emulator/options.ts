/**
 * What an emulator instance enforces and how it behaves. Every limit is Telegram's by default,
 * so the bot meets the same walls locally that it meets in production; tests and benchmarks
 * loosen them explicitly.
 */

/** Token-bucket limits on messages the bot sends, answered with 429 and `retry_after`. */
export interface RateLimits {
  /** Sustained messages per second into one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** How many messages one chat accepts in a burst before the per-second rate applies. */
  perChatBurst: number;
  /** Messages per minute into one group or supergroup (Telegram: 20). */
  perGroupPerMinute: number;
  /** Messages per second across all chats (Telegram: about 30). */
  globalPerSecond: number;
}

/** Options of {@link startEmulator}; every field has a Telegram-like default. */
export interface EmulatorOptions {
  /** Bot token to serve; a random realistic one when omitted. */
  token?: string;
  /** The emulated bot's username (without @). */
  botUsername?: string;
  /** The emulated bot's display name. */
  botName?: string;
  /** Rate limits, or `false` to switch them off (benchmarks, most unit tests). */
  rateLimits?: false | Partial<RateLimits>;
  /** Privacy mode of the bot in groups (Telegram's default: on). */
  privacyMode?: boolean;
  /** Largest file `getFile` hands out, in bytes (Telegram: 20 MB). */
  maxDownloadSize?: number;
  /** Largest file a bot may upload, in bytes (Telegram: 50 MB). */
  maxUploadSize?: number;
  /** Longest `getUpdates` timeout honoured, in seconds (Telegram caps long polls near 50 s). */
  maxPollTimeoutSeconds?: number;
  /** First delay before a failed webhook delivery is retried; it doubles up to {@link webhookRetryMaxMs}. */
  webhookRetryBaseMs?: number;
  /** Longest delay between webhook delivery attempts. */
  webhookRetryMaxMs?: number;
  /** How long a webhook request may take before it counts as failed. */
  webhookTimeoutMs?: number;
  /** How long after a button press `answerCallbackQuery` is still accepted. */
  callbackQueryTtlMs?: number;
  /** Host to listen on (loopback by default: the emulator has no authentication beyond the token). */
  host?: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
}

/** {@link EmulatorOptions} with every default filled in. */
export interface ResolvedOptions {
  token: string;
  botUsername: string;
  botName: string;
  rateLimits: false | RateLimits;
  privacyMode: boolean;
  maxDownloadSize: number;
  maxUploadSize: number;
  maxPollTimeoutSeconds: number;
  webhookRetryBaseMs: number;
  webhookRetryMaxMs: number;
  webhookTimeoutMs: number;
  callbackQueryTtlMs: number;
  host: string;
  port: number;
}

/** Telegram's published limits: about 1 msg/s per chat with short bursts, 20/min per group, 30/s overall. */
export const telegramRateLimits: RateLimits = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
};

/** Fills in the defaults of {@link EmulatorOptions}. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    token: options.token ?? randomToken(),
    botUsername: options.botUsername ?? 'dondoc_test_bot',
    botName: options.botName ?? 'dondoc',
    rateLimits: options.rateLimits === false ? false : { ...telegramRateLimits, ...options.rateLimits },
    privacyMode: options.privacyMode ?? true,
    maxDownloadSize: options.maxDownloadSize ?? 20 * 1024 * 1024,
    maxUploadSize: options.maxUploadSize ?? 50 * 1024 * 1024,
    maxPollTimeoutSeconds: options.maxPollTimeoutSeconds ?? 50,
    webhookRetryBaseMs: options.webhookRetryBaseMs ?? 200,
    webhookRetryMaxMs: options.webhookRetryMaxMs ?? 5_000,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 30_000,
    callbackQueryTtlMs: options.callbackQueryTtlMs ?? 60_000,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
  };
}

function randomToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let secret = '';
  for (let i = 0; i < 35; i++) secret += alphabet[Math.floor(Math.random() * alphabet.length)];
  const botId = 7_000_000_000 + Math.floor(Math.random() * 900_000_000);
  return `${botId}:${secret}`;
}
