import { describe, expect, it } from 'vitest';
import { ErrorReplies, errorMuteMinutes, errorReplyBurst } from '../../src/bot/error-replies.js';

describe('error replies', () => {
  it('answers a person\'s first mistakes, says so on the fifth within a minute, then drops theirs for ten minutes only', () => {
    let now = 0;
    const replies = new ErrorReplies(() => now);
    const verdicts = Array.from({ length: errorReplyBurst + 2 }, () => replies.verdict('lan', 'group'));
    expect(verdicts).toEqual([...Array(errorReplyBurst - 1).fill('answer'), 'answer-last', 'drop', 'drop']);
    // Someone else in the same group is answered meanwhile.
    expect(replies.verdict('minh', 'group')).toBe('answer');
    now += errorMuteMinutes * 60_000 - 1;
    expect(replies.verdict('lan', 'group')).toBe('drop');
    now += 1;
    expect(replies.verdict('lan', 'group')).toBe('answer');
  });

  it('forgets mistakes older than a minute', () => {
    let now = 0;
    const replies = new ErrorReplies(() => now);
    for (let i = 0; i < 10; i++) {
      expect(replies.verdict('lan', 'group')).toBe('answer');
      now += 61_000 / (errorReplyBurst - 1);
    }
  });

  it('drops an error reply while another is still waiting to go to the same chat, but never the one that mutes', async () => {
    const replies = new ErrorReplies(() => 0);
    let release!: () => void;
    const sending = replies.sending('group', () => new Promise<void>((resolve) => (release = resolve)));
    expect(replies.verdict('lan', 'group')).toBe('drop');
    expect(replies.verdict('lan', 'other group')).toBe('answer');
    for (let i = 0; i < errorReplyBurst - 3; i++) replies.verdict('lan', 'group');
    expect(replies.verdict('lan', 'group')).toBe('answer-last');
    release();
    await sending;
    expect(replies.verdict('minh', 'group')).toBe('answer');
  });
});
