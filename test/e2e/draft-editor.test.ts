/**
 * The web draft editor in Chromium, at a desktop's and a phone's width: the real bot against the
 * emulator, a secretary's /notice, the editor opened from the preview's button, two directives
 * routed elsewhere and a deadline set, saved (the chat's preview edited in place), published from
 * the page, and what each unit's group received. Screenshots go to test-artifacts/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Chat, InlineKeyboardButton, Message, User } from 'grammy/types';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { setUpOffice, textOf } from './routing-world.js';
import { signLink } from '../../src/http/signed-link.js';
import { openDatabase } from '../../src/store/database.js';
import { launchFields, signedInitData } from '../support/mini-app-launch.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.resolve('test-artifacts');
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Signs the harness's links, so a test can make a well-signed link for someone who may not edit. */
const linkSecret = 'a-draft-editor-test-secret';
// 09:00 on 04/12/2020 in Hà Nội.
const clock = { now: new Date('2020-12-04T02:00:00Z') };

const notice = `/notice THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 20/11/2020
1. Giao Phòng Kinh tế - Hạ tầng hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới, hoàn thành trước ngày 31/12/2020.
2. Giao Phòng Văn hóa và Thông tin tổ chức tuyên truyền về phòng, chống dịch bệnh trên địa bàn huyện; nội dung tuyên truyền phải ngắn gọn, dễ hiểu, phù hợp với từng nhóm đối tượng, được đăng tải trên trang thông tin điện tử của huyện và phát trên hệ thống loa truyền thanh cơ sở, hoàn thành trước ngày 25/12/2020.
3. Giao Phòng Tư pháp huyện rà soát các văn bản quy phạm pháp luật của huyện, hoàn thành trước ngày 31/12/2020.
4. Giao Phòng Tài nguyên và Môi trường kiểm tra việc khai thác cát trái phép trên sông Trà Khúc.`;

const units = ['Phòng Kinh tế - Hạ tầng', 'Phòng Văn hóa và Thông tin', 'Phòng Tư pháp huyện', 'UBND xã Bình Sơn'] as const;
type UnitName = (typeof units)[number];

const isPreview = (message: Message) => /Bản nháp thông báo/.test(textOf(message));
const editorButton = (buttons: InlineKeyboardButton[]) => buttons.find((button) => button.text.includes('Mở trang chỉnh sửa'));

describe.skipIf(!existsSync(chromiumPath) && process.env.CI !== 'true')('the draft editor in a browser', () => {
  let h: Harness;
  let browser: Browser;
  const editedIds: number[] = [];

  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { rateLimits: false }, throttle: false, env: { DASHBOARD_SECRET: linkSecret } });
    h.emulator.api.world.subscribe((event) => {
      if (event.kind === 'edit' && event.message.text !== undefined && event.message.edit_date) editedIds.push(event.message.message_id);
    });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs });
    await mkdir(artifacts, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  /** An office with four units, the notice sent, its preview, and the editor's link as the bot sent it to the secretary in private. */
  async function officeWithDraft(title: string) {
    const d = h.driver;
    const { secretary, office, join } = await setUpOffice(h, title);
    const groups = new Map<UnitName, Chat.GroupChat | Chat.SupergroupChat>();
    for (const unit of units) groups.set(unit, await join(unit));
    // Telegram lets a bot write to a person only after they wrote to it.
    const inPrivate = d.privateChat(secretary);
    d.sendCommand(secretary, inPrivate, '/start');
    await d.waitForBotMessage(inPrivate);
    d.sendCommand(secretary, office, notice);
    const preview = await d.waitForBotMessage(office, { match: (m) => isPreview(m) && editorButton(d.buttons(m)) !== undefined });
    const link = await editorLinkFor(secretary, preview);
    return { secretary, office, groups, preview, link };
  }

  /** Presses a button under the preview as `person` and returns the editor link the bot then sends them in private. */
  async function editorLinkFor(person: User, preview: Message, button = editorButton(h.driver.buttons(preview))) {
    const d = h.driver;
    const inPrivate = d.privateChat(person);
    const before = d.botMessages(inPrivate).length;
    const answer = await d.pressButton(person, preview, (button as { callback_data: string }).callback_data).waitForAnswer();
    const sent = await d.waitForBotMessage(inPrivate, { match: (m) => editorButton(d.buttons(m)) !== undefined && d.botMessages(inPrivate).indexOf(m) >= before });
    return { answer, url: (editorButton(d.buttons(sent)) as { url: string }).url };
  }

  /** What each unit's group received on publishing: the directives' ordinals and the unit's role in each. */
  function received(groups: Map<UnitName, Chat.GroupChat | Chat.SupergroupChat>) {
    return Object.fromEntries(
      [...groups].map(([unit, group]) => [
        unit,
        h.driver
          .botMessages(group)
          .map(textOf)
          .filter((text) => text.startsWith('📌'))
          .map((text) => `${/Nhiệm vụ (\S+)/.exec(text)![1]} ${/Vai trò của đơn vị: (chủ trì|phối hợp)/.exec(text)![1]}`),
      ]),
    );
  }

  for (const width of [1280, 390]) {
    it(`at ${width} px: re-route two directives, set a deadline, save (the preview is edited in place), publish, and each unit gets its own`, async () => {
      const d = h.driver;
      const { office, groups, preview, link } = await officeWithDraft(`Văn phòng HĐND và UBND huyện ${width}`);
      // A link acts as the secretary it is bound to: the group, which every member reads, gets a
      // button that sends the presser their own link in private, never the link itself.
      const button = editorButton(d.buttons(preview))!;
      expect(button).toMatchObject({ callback_data: expect.stringMatching(/^nt:\w+:edit$/) });
      expect('url' in button || 'web_app' in button).toBe(false);
      expect(link.answer.text).toBe('Đã gửi liên kết trang chỉnh sửa vào chat riêng của bạn với bot.');
      expect(link.url).toMatch(/\/editor\/\w+\?p=[\w-]+&exp=\d+&sig=[\w-]+$/);
      expect(d.botMessages(office).some((m) => /\/editor\//.test(JSON.stringify(m)))).toBe(false);
      const url = link.url;

      // A Vietnamese browser (headless Chromium still draws date inputs in its own build's order).
      const page: Page = await browser.newPage({ viewport: { width, height: width > 600 ? 900 : 844 }, locale: 'vi-VN' });
      try {
        const response = await page.goto(url);
        expect(response!.status()).toBe(200);
        expect(response!.headers()['content-security-policy']).toMatch(/default-src 'none'/);
        expect(response!.headers()['cache-control']).toBe('no-store');
        const rows = page.locator('section.directive');
        expect(await rows.count()).toBe(4);
        expect(await page.locator('[data-routed]').textContent()).toBe('3/4 nhiệm vụ đã giao đơn vị.');
        // Directive 2's text is long: folded until opened.
        const long = page.locator('section.directive[data-ordinal="2"] details');
        expect(await long.getAttribute('open')).toBeNull();
        await long.locator('summary').click();
        expect(await long.textContent()).toContain('hệ thống loa truyền thanh cơ sở');
        // Nothing is wider than the screen.
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(artifacts, `draft-editor-${width}-opened.png`), fullPage: true });

        const unitIds = Object.fromEntries(
          await page.locator('section.directive[data-ordinal="1"] select[name^="lead:"] option').evaluateAll((options) => options.map((o) => [o.textContent!.replace(/^★ | \(gợi ý\)$/g, ''), o.getAttribute('value')])),
        ) as Record<string, string>;
        const row = (ordinal: string) => page.locator(`section.directive[data-ordinal="${ordinal}"]`);
        // 2: from Văn hóa to Tư pháp; 4 (no registered unit): Bình Sơn leads, Kinh tế coordinates, due 15/01/2021.
        await row('2').locator('select[name^="lead:"]').selectOption([unitIds['Phòng Tư pháp huyện']!]);
        await row('4').locator('select[name^="lead:"]').selectOption([unitIds['UBND xã Bình Sơn']!]);
        await row('4').locator('select[name^="support:"]').selectOption([unitIds['Phòng Kinh tế - Hạ tầng']!]);
        await row('4').locator('input[type="date"]').fill('2021-01-15');
        // 3 is an ongoing duty after all: "thường xuyên", no date.
        await row('3').locator('input[type="checkbox"][name^="ongoing:"]').check();
        const editsBefore = editedIds.length;
        const previewsBefore = d.botMessages(office).filter(isPreview).length;
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu' }).click()]);
        expect(await page.locator('.note').textContent()).toBe('Đã lưu nhiệm vụ 2, 3, 4; bản xem trước trong nhóm đã được cập nhật.');
        expect(await page.locator('[data-routed]').textContent()).toBe('4/4 nhiệm vụ đã giao đơn vị.');
        expect(await row('3').locator('input[name^="ongoing:"]').isChecked()).toBe(true);
        expect(await row('3').locator('input[type="date"]').inputValue()).toBe('');
        expect(await row('4').locator('input[type="date"]').inputValue()).toBe('2021-01-15');
        await page.screenshot({ path: path.join(artifacts, `draft-editor-${width}-saved.png`), fullPage: true });

        // The preview in the group was edited where it is: no new preview, the new routing in it.
        expect(editedIds.slice(editsBefore)).toContain(preview.message_id);
        expect(d.botMessages(office).filter(isPreview)).toHaveLength(previewsBefore);
        const edited = textOf(d.botMessages(office).find((m) => m.message_id === preview.message_id)!);
        const block = (ordinal: string) => edited.split('\n\n').find((part) => part.startsWith(`${ordinal}. `)) ?? '';
        expect(block('2')).toMatch(/Chủ trì: Phòng Tư pháp huyện/);
        expect(block('4')).toMatch(/Chủ trì: UBND xã Bình Sơn\nPhối hợp: Phòng Kinh tế - Hạ tầng/);
        expect(block('4')).toMatch(/Thời hạn: 15\/01\/2021/);
        expect(block('3')).toMatch(/Thời hạn: thường xuyên$/);
        expect(edited).toMatch(/4\/4 nhiệm vụ đã giao/);

        // "Phát hành" on the page publishes as the button does: the summary in the group, the preview's buttons gone.
        await page.getByRole('button', { name: 'Phát hành' }).click();
        await page.waitForSelector('main.message[data-reason="published"]');
        expect(await page.locator('h1').textContent()).toBe('Đã phát hành.');
        await page.screenshot({ path: path.join(artifacts, `draft-editor-${width}-published.png`), fullPage: true });
        const summary = textOf(await d.waitForBotMessage(office, { match: /Đã phát hành/ }));
        expect(summary).toMatch(/gửi 5 tin nhắn tới 3 đơn vị/);
        expect(d.buttons(d.botMessages(office).find((m) => m.message_id === preview.message_id)!)).toEqual([]);
        expect(received(groups)).toEqual({
          'Phòng Kinh tế - Hạ tầng': ['1 chủ trì', '4 phối hợp'],
          'Phòng Văn hóa và Thông tin': [],
          'Phòng Tư pháp huyện': ['2 chủ trì', '3 chủ trì'],
          'UBND xã Bình Sơn': ['4 chủ trì'],
        });
        const dueInBinhSon = d.botMessages(groups.get('UBND xã Bình Sơn')!).map(textOf).find((text) => text.startsWith('📌'))!;
        expect(dueInBinhSon).toMatch(/Thời hạn: 15\/01\/2021/);
        const dueInTuPhap = d.botMessages(groups.get('Phòng Tư pháp huyện')!).map(textOf).find((text) => /Nhiệm vụ 3/.test(text))!;
        expect(dueInTuPhap).toMatch(/⏰ Thời hạn: thường xuyên/);

        // The link now leads to a clear page, not to the editor of a published draft.
        const again = await page.goto(url);
        expect(again!.status()).toBe(410);
        expect(await page.locator('h1').textContent()).toBe('Bản nháp này đã được phát hành hoặc đã hủy.');
      } finally {
        await page.close();
      }
    }, 120_000);
  }

  it("in a group the editor's button gives a link to no one but a secretary, and only in their private chat", async () => {
    const d = h.driver;
    const member = d.createUser({ firstName: 'Cán bộ', lastName: 'Văn phòng' });
    const { secretary, office } = await setUpOffice(h, 'Văn phòng UBND thị trấn', [member]);
    d.sendCommand(secretary, office, notice);
    const preview = await d.waitForBotMessage(office, { match: (m) => isPreview(m) && editorButton(d.buttons(m)) !== undefined });
    const data = (editorButton(d.buttons(preview)) as { callback_data: string }).callback_data;

    // The secretary has never written to the bot in private, where Telegram would let it answer.
    const noPrivate = await d.pressButton(secretary, preview, data).waitForAnswer();
    expect(noPrivate).toMatchObject({ showAlert: true, text: expect.stringMatching(/chỉ gửi trong chat riêng/) });
    // A member who is not a secretary is refused, whether or not they have a private chat.
    d.sendCommand(member, d.privateChat(member), '/start');
    await d.waitForBotMessage(d.privateChat(member));
    const refused = await d.pressButton(member, preview, data).waitForAnswer();
    expect(refused.text).toMatch(/không có quyền/i);
    const everywhere = [...d.botMessages(office), ...d.botMessages(d.privateChat(member))];
    expect(everywhere.some((m) => /\/editor/.test(JSON.stringify(m)))).toBe(false);
  });

  it('an altered, a stale or a borrowed link, and a post without the signature, get a clear 403 page and change nothing', async () => {
    const d = h.driver;
    const { secretary, office, preview, link } = await officeWithDraft('Văn phòng UBND xã');
    const url = new URL(link.url);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const refused = async (address: string, title: RegExp) => {
        const response = await page.goto(address);
        expect(response!.status()).toBe(403);
        expect(await page.locator('h1').textContent()).toMatch(title);
        expect(await page.content()).not.toMatch(/Error|at \w+ \(|node:/);
      };
      const altered = new URL(url);
      altered.searchParams.set('sig', `${url.searchParams.get('sig')!.startsWith('A') ? 'B' : 'A'}${url.searchParams.get('sig')!.slice(1)}`);
      await refused(altered.toString(), /^Liên kết không hợp lệ\.$/);
      await page.screenshot({ path: path.join(artifacts, 'draft-editor-390-refused.png'), fullPage: true });
      // Signed for one secretary, the link is not another person's.
      const borrowed = new URL(url);
      borrowed.searchParams.set('p', 'someone-else');
      await refused(borrowed.toString(), /^Liên kết không hợp lệ\.$/);
      // A well-signed link for someone who is not (or no longer) a secretary: the role is checked on every request.
      const database = await openDatabase(h.databaseUrl);
      try {
        const official = await database.db.person.findFirstOrThrow({ where: { memberships: { some: { role: 'OFFICIAL' } } } });
        const noticeId = url.pathname.split('/').at(-1)!;
        const { expires, signature } = signLink(linkSecret, ['draft-editor', noticeId, official.id], new Date(clock.now.getTime() + 3_600_000));
        await refused(`${url.origin}/editor/${noticeId}?p=${official.id}&exp=${expires}&sig=${signature}`, /^Bạn không có quyền sửa bản nháp này\.$/);
        // Saving or publishing is checked the same way: the official's well-signed post changes nothing.
        const post = await fetch(`${url.origin}/editor/${noticeId}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ p: official.id, exp: String(expires), sig: signature, action: 'publish' }).toString(),
        });
        expect(post.status).toBe(403);
        expect(await post.text()).toContain('Bạn không có quyền sửa bản nháp này.');
        expect((await database.db.notice.findUniqueOrThrow({ where: { id: noticeId } })).state).toBe('DRAFT');
      } finally {
        await database.close();
      }

      // A form posted without the signature (a cross-site forgery) saves nothing.
      const forged = await fetch(new URL(url.pathname, url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=publish' });
      expect(forged.status).toBe(403);
      const fromElsewhere = await fetch(new URL(url.pathname, url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        body: `${url.searchParams.toString()}&action=publish`,
      });
      expect(fromElsewhere.status).toBe(403);
      expect(d.botMessages(office).some((m) => /Đã phát hành/.test(textOf(m)))).toBe(false);

      // Nine hours later the link has expired; "Sửa" under the preview gives the presser a fresh one.
      const later = clock.now;
      clock.now = new Date(later.getTime() + 9 * 3_600_000);
      try {
        await refused(url.toString(), /^Liên kết đã hết hạn\.$/);
        const fix = d.buttons(preview).find((b) => b.text.includes('Sửa'));
        const fresh = (await editorLinkFor(secretary, preview, fix)).url;
        // The commands to correct it by hand go to the group, where the preview is.
        await d.waitForBotMessage(office, { match: /Sửa bản nháp bằng lệnh/ });
        expect(fresh).not.toBe(url.toString());
        expect((await page.goto(fresh))!.status()).toBe(200);
        expect(await page.locator('section.directive').count()).toBe(4);
      } finally {
        clock.now = later;
      }
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe.skipIf(!existsSync(chromiumPath) && process.env.CI !== 'true')('the draft editor as a Telegram Mini App', () => {
  let h: Harness;
  let browser: Browser;
  // Telegram opens Mini Apps over https only: the public address says https, the test reaches the server directly.
  const publicUrl = 'https://dondoc.example';

  beforeAll(async () => {
    h = await startHarness({ now: () => clock.now, emulator: { rateLimits: false }, throttle: false, env: { PUBLIC_URL: publicUrl } });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('in a private chat the preview opens the editor as a Mini App, which lets in the secretary Telegram names and no one else', async () => {
    const d = h.driver;
    const { secretary, join } = await setUpOffice(h, 'Văn phòng UBND huyện');
    await join('Phòng Kinh tế - Hạ tầng');
    const chat = d.privateChat(secretary);
    d.sendCommand(secretary, chat, notice);
    const preview = await d.waitForBotMessage(chat, { match: (m) => isPreview(m) && editorButton(d.buttons(m)) !== undefined });
    const button = editorButton(d.buttons(preview)) as { web_app?: { url: string }; url?: string };
    expect(button.url).toBeUndefined();
    expect(button.web_app!.url).toMatch(/^https:\/\/dondoc\.example\/editor-app\/\w+$/);
    const appPath = new URL(button.web_app!.url).pathname;

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    try {
      // What the Telegram client opens: the page, with the signed launch data in its fragment.
      const launch = (user: { id: number; first_name: string }, signedAt = clock.now, token = h.emulator.token) =>
        `${h.app.http.url}${appPath}#tgWebAppData=${encodeURIComponent(signedInitData(launchFields(user, signedAt), token))}`;
      await page.goto(launch({ id: secretary.id, first_name: secretary.first_name }));
      await page.waitForURL(/\/editor\/\w+\?p=/);
      expect(await page.locator('section.directive').count()).toBe(4);
      await page.screenshot({ path: path.join(artifacts, 'draft-editor-390-mini-app.png'), fullPage: true });

      // Another bot's signature, launch data from yesterday, or a user who is no secretary: the page says it cannot open.
      const failed = 'Không mở được trang chỉnh sửa: hãy mở lại từ nút trong Telegram. / The editor could not be opened: open it again from the button in Telegram.';
      const stranger = d.createUser({ firstName: 'Người', lastName: 'Lạ' });
      for (const address of [
        launch({ id: secretary.id, first_name: secretary.first_name }, clock.now, '123:not-this-bot'),
        launch({ id: secretary.id, first_name: secretary.first_name }, new Date(clock.now.getTime() - 86_400_000)),
        launch({ id: stranger.id, first_name: stranger.first_name }),
      ]) {
        await page.goto('about:blank');
        await page.goto(address);
        await page.waitForFunction(`document.getElementById('status').textContent === ${JSON.stringify(failed)}`);
        expect(page.url()).toContain('/editor-app/');
      }
    } finally {
      await page.close();
    }
  }, 120_000);
});
