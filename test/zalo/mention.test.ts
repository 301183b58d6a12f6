import { describe, expect, it } from 'vitest';
import { BotMention } from '../../src/messaging/zalo/mention.js';

describe("the bot's @mention in a Zalo group", () => {
  it('is removed before a command whatever name Zalo wrote, spaces included', () => {
    const mention = new BotMention(['bot.VDKyGxQvc']);
    expect(mention.strip('@Bot Đôn Đốc /setup Văn phòng NTM huyện')).toBe('/setup Văn phòng NTM huyện');
    expect(mention.strip('@dondoc /invite')).toBe('/invite');
    expect(mention.strip('@Bot Đôn Đốc\n/notice')).toBe('/notice');
  });

  it('leaves ordinary text that starts with someone’s name alone', () => {
    const mention = new BotMention([]);
    expect(mention.strip('@Lan xong 4 chưa em?')).toBe('@Lan xong 4 chưa em?');
    expect(mention.strip('@Anh Hùng ơi, số 12/BC-UBND đã gửi')).toBe('@Anh Hùng ơi, số 12/BC-UBND đã gửi');
  });

  it('is removed before a status or a choice once the name is known from ZALO_BOT_NAME', () => {
    const mention = new BotMention(['@Bot Đôn Đốc', 'bot.VDKyGxQvc']);
    expect(mention.strip('@Bot Đôn Đốc xong 4 đã nộp')).toBe('xong 4 đã nộp');
    expect(mention.strip('@bot đôn đốc, 2')).toBe('2');
    expect(mention.strip('@Lan xong 4 chưa em?')).toBe('@Lan xong 4 chưa em?');
  });

  it('is remembered from a command, so that the same group’s next "@Bot Đôn Đốc xong 4" reports', () => {
    const mention = new BotMention([]);
    expect(mention.strip('@Bot Đôn Đốc vướng 11 thiếu người')).toBe('@Bot Đôn Đốc vướng 11 thiếu người');
    mention.strip('@Bot Đôn Đốc /join K7PQ2M4X Văn phòng Huyện ủy');
    expect(mention.strip('@Bot Đôn Đốc vướng 11 thiếu người')).toBe('vướng 11 thiếu người');
    // A name typed in decomposed Unicode is the same name.
    expect(mention.strip('@Bot Đôn Đốc 3'.normalize('NFD'))).toBe('3');
  });

  it('is removed after a command too, once the name is known', () => {
    const mention = new BotMention(['Bot Đôn Đốc']);
    expect(mention.strip('/setup @Bot Đôn Đốc')).toBe('/setup');
    expect(mention.strip('/join K7PQ2M4X Phòng TN&MT @Bot Đôn Đốc')).toBe('/join K7PQ2M4X Phòng TN&MT');
    expect(mention.strip('/status 4 xong gửi @Lan')).toBe('/status 4 xong gửi @Lan');
  });

  it('does not change a private message', () => {
    expect(new BotMention(['Bot Đôn Đốc']).strip('  /status 4 xong  ')).toBe('/status 4 xong');
  });
});
