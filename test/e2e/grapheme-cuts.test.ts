import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphemes } from '../../src/domain/short-text.js';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';

const smile = '😀';
const flag = '🇻🇳';
// The parser keeps text in NFC, where Vietnamese letters are one code unit; a letter with a second
// tone mark (a slip of decomposed typing) stays two, and is still one character.
const toned = 'ậ\u0301';

// The preview quotes each directive cut to a few hundred characters. Each character is in two
// directives that differ by one letter, so that wherever the cut falls, one has it across the cut.
const chars = [smile, flag, toned];
const notice = [
  '/notice THÔNG BÁO',
  'Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020',
  ...chars.flatMap((char, i) => [`${2 * i + 1}. Giao Phòng Tư pháp rà soát ${char.repeat(200)}`, `${2 * i + 2}. Giao Phòng Tư pháp rà soát x${char.repeat(200)}`]),
].join('\n');

describe('text cut for length in a real chat', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { rateLimits: false }, throttle: false });
  });
  afterAll(async () => h?.stop());

  it('previews directives of emoji and combining marks cut between characters, which Telegram accepts', async () => {
    const d = h.driver;
    const { secretary, office } = await setUpOffice(h, 'Văn phòng UBND huyện');
    d.sendCommand(secretary, office, notice);
    // A lone surrogate would make the emulator, like Telegram, refuse the preview with "strings must be encoded in UTF-8".
    const preview = textOf(await d.waitForBotMessage(office, { match: (m) => d.buttons(m).some((b) => b.text.includes('Phát hành')) }));
    for (const [index, char] of chars.flatMap((char) => [char, char]).entries()) {
      const ordinal = index + 1;
      const block = preview.split('\n').find((line) => line.startsWith(`${ordinal}. `))!;
      expect(block.endsWith('…'), block).toBe(true);
      const quoted = block.slice(block.indexOf('rà soát ') + 'rà soát '.length, -1).replace(/^x/, '');
      expect(quoted.length).toBeGreaterThan(0);
      // Every character of the quote is whole: all flags, all toned letters.
      expect(graphemes(quoted).every((g) => g === char), `${ordinal}: ${JSON.stringify(quoted.slice(-12))}`).toBe(true);
    }
  });
});
