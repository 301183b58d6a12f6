/** The longest name Zalo's mention picker is taken to have written; longer is a sentence, not a name. */
const maxNameLength = 60;

/** A leading mention then the first `/command` token: "@Bot Đôn Đốc /setup Văn phòng" → "/setup Văn phòng". */
const mentionBeforeCommand = /^@([^\n]*?)\s+(\/[\p{L}\p{N}_]+(?:@\S+)?(?:\s[\s\S]*)?)$/u;

/**
 * Removes the bot's @mention from the front of a message, so that what follows reads as if it
 * had been sent in a private chat.
 *
 * In a Zalo group the bot sees only messages that mention it (or reply to it), and Zalo's
 * mention picker writes the bot's name as users see it, "@Bot Đôn Đốc", which the Bot API never
 * tells the bot (`getMe` has only an account handle). So:
 * - a leading mention before a `/command` is the bot's, whatever the name: slash commands are
 *   written to bots, not to people. The name is remembered, spaces and all;
 * - any other mention is removed only when it is a name known to be the bot's (`ZALO_BOT_NAME`,
 *   the account handle, or one remembered from a command), wherever it stands, so that
 *   "@Bot Đôn Đốc xong 4" reports while "@Lan xong 4 chưa em?" stays a sentence to Lan.
 */
export class BotMention {
  private readonly names = new Set<string>();

  /** `names`: what the bot may be called after "@" before any command taught it (empty ones are skipped). */
  constructor(names: readonly (string | undefined)[]) {
    for (const name of names) if (name) this.learn(name.replace(/^@/, ''));
  }

  /** The message without the bot's mentions; any other text comes back trimmed (and in NFC) as it was. */
  strip(text: string): string {
    // One Unicode form, so that a name found in the folded text is cut at the same length here.
    let said = text.trim().normalize('NFC');
    const command = mentionBeforeCommand.exec(said);
    if (command && command[1]!.trim().length <= maxNameLength) {
      this.learn(command[1]!);
      said = command[2]!;
    }
    return this.withoutKnownMentions(said);
  }

  /** Removes "@<a name known to be the bot's>" wherever it stands: "@Bot Đôn Đốc, 2", "/setup @Bot Đôn Đốc". */
  private withoutKnownMentions(text: string): string {
    let result = text;
    // The longest known name first: "Bot Đôn Đốc Huyện" must not stop at "Bot Đôn Đốc".
    for (const name of [...this.names].sort((a, b) => b.length - a.length)) {
      const mention = `@${name}`;
      let at = fold(result).indexOf(mention);
      while (at >= 0) {
        const after = result.slice(at + mention.length);
        if (/^(?:$|[\s,:.;!?-])/u.test(after)) result = `${result.slice(0, at)} ${after.replace(/^[\s,:.;!?-]+/u, '')}`;
        at = fold(result).indexOf(mention, at + 1);
      }
    }
    return result.trim();
  }

  private learn(name: string): void {
    const folded = fold(name.trim());
    if (folded) this.names.add(folded);
  }
}

/** Names compare case-insensitively and in one Unicode form, keeping their length for slicing. */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi');
}
