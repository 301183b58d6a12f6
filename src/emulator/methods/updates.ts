import { ApiError, badRequest } from '../api-error.js';
import { Described, type Method } from '../bot-api.js';

/** getUpdates: long polling with offset, limit (1–100) and timeout; 409 while a webhook is set. */
export const getUpdates: Method = async (params, api, signal) => {
  if (api.webhook.webhook) {
    throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  api.queue.setAllowedUpdates(params.json<string[]>('allowed_updates', "can't parse allowed updates JSON object"));
  const limit = Math.min(100, Math.max(1, params.integer('limit') ?? 100));
  const timeout = Math.min(api.options.maxPollTimeoutSeconds, Math.max(0, params.integer('timeout') ?? 0));
  return api.queue.poll(params.integer('offset') ?? 0, limit, timeout * 1000, signal);
};

/** setWebhook: starts pushing updates to `url`, with the secret token header and retries. */
export const setWebhook: Method = (params, api) => {
  const url = params.string('url') ?? '';
  if (url === '') return deleteWebhook(params, api, new AbortController().signal);
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
    throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  }
  const secretToken = params.string('secret_token');
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest('secret token contains unallowed characters');
  }
  const maxConnections = params.integer('max_connections') ?? 40;
  if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100');
  if (params.boolean('drop_pending_updates')) api.queue.drop();
  api.queue.setAllowedUpdates(params.json<string[]>('allowed_updates', "can't parse allowed updates JSON object"));
  const previous = api.webhook.webhook;
  const unchanged = previous?.url === url && previous.secretToken === secretToken && previous.maxConnections === maxConnections;
  if (!unchanged) api.webhook.set({ url, maxConnections, ...(secretToken ? { secretToken } : {}) });
  return new Described(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
};

/** deleteWebhook: back to getUpdates; `drop_pending_updates` forgets what was queued. */
export const deleteWebhook: Method = (params, api) => {
  if (params.boolean('drop_pending_updates')) api.queue.drop();
  const wasSet = api.webhook.webhook !== undefined;
  api.webhook.clear();
  return new Described(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
};

/** getWebhookInfo: the webhook, pending count and the last delivery error. */
export const getWebhookInfo: Method = (_params, api) => {
  const webhook = api.webhook.webhook;
  const info: Record<string, unknown> = {
    url: webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: api.queue.size,
  };
  if (!webhook) return info;
  const { lastErrorDate, lastErrorMessage } = api.webhook.status;
  return {
    ...info,
    ip_address: '127.0.0.1',
    ...(lastErrorDate !== undefined ? { last_error_date: lastErrorDate, last_error_message: lastErrorMessage } : {}),
    max_connections: webhook.maxConnections,
    ...(api.queue.allowedUpdates.length > 0 ? { allowed_updates: api.queue.allowedUpdates } : {}),
  };
};
