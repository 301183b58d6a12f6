/** How an injected failure shows itself to the bot. */
export type FaultKind =
  /** `500 Internal Server Error` with a Bot API error body. */
  | 'error500'
  /** The TCP connection is reset before any answer, like a network failure. */
  | 'reset'
  /**
   * `400 Bad Request: message can't be edited`, Telegram's answer for a message it will not let
   * the bot change any more (too old, for one); the message itself stays as it was.
   */
  | 'not-editable';

/** Which calls a fault applies to. */
export interface CallFilter {
  /** Method names (any case); by default every method except `getUpdates`, which polls constantly. */
  methods?: string[];
  /** A predicate on the call's parameters, e.g. "the sendMessage whose text mentions Bình Sơn". */
  match?: (params: Record<string, unknown>) => boolean;
}

interface Rule extends CallFilter {
  remaining: number;
}

/**
 * Failures a test asks for: the next N calls fail, a webhook delivery is repeated with the same
 * update_id, a chosen call is slow. Each rule is used up as it fires, so a test states exactly
 * how much trouble it wants.
 */
export class Faults {
  private readonly failures: (Rule & { kind: FaultKind })[] = [];
  private readonly delays: (Rule & { delayMs: number })[] = [];
  private duplicates = 0;

  /** The next `count` matching calls fail the given way. */
  failNext(count: number, kind: FaultKind = 'error500', filter: CallFilter = {}): void {
    this.failures.push({ ...filter, kind, remaining: count });
  }

  /** The next `count` matching calls are answered only after `delayMs`. */
  slowDown(delayMs: number, filter: CallFilter = {}, count = 1): void {
    this.delays.push({ ...filter, delayMs, remaining: count });
  }

  /** The next `count` webhook deliveries that succeed are sent a second time, same update_id. */
  duplicateNextWebhookDeliveries(count = 1): void {
    this.duplicates += count;
  }

  /** Forgets every pending fault. */
  clear(): void {
    this.failures.length = 0;
    this.delays.length = 0;
    this.duplicates = 0;
  }

  /** Consumes and returns the failure for this call, if one is due. */
  takeFailure(method: string, params: Record<string, unknown>): FaultKind | undefined {
    return take(this.failures, method, params)?.kind;
  }

  /** Consumes and returns the delay for this call in ms, 0 when none is due. */
  takeDelay(method: string, params: Record<string, unknown>): number {
    return take(this.delays, method, params)?.delayMs ?? 0;
  }

  /** Consumes one pending duplicate delivery. */
  takeDuplicate(): boolean {
    if (this.duplicates === 0) return false;
    this.duplicates--;
    return true;
  }
}

function take<T extends Rule>(rules: T[], method: string, params: Record<string, unknown>): T | undefined {
  const name = method.toLowerCase();
  const index = rules.findIndex((rule) => {
    const methods = rule.methods?.map((m) => m.toLowerCase());
    const methodMatches = methods ? methods.includes(name) : name !== 'getupdates';
    return methodMatches && (rule.match?.(params) ?? true);
  });
  if (index === -1) return undefined;
  const rule = rules[index]!;
  if (--rule.remaining <= 0) rules.splice(index, 1);
  return rule;
}
