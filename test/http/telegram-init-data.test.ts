import { describe, expect, it } from 'vitest';
import { checkInitData } from '../../src/http/telegram-init-data.js';
import { launchFields, signedInitData } from '../support/mini-app-launch.js';

const token = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const now = new Date('2020-12-04T02:00:00Z');
const user = { id: 279058397, first_name: 'Thư', language_code: 'vi' };

describe('Mini App launch data (initData)', () => {
  it('signed by Telegram for this bot a minute ago, it names the user', () => {
    const initData = signedInitData(launchFields(user, new Date(now.getTime() - 60_000)), token);
    const check = checkInitData(initData, token, now);
    expect(check).toEqual({ status: 'valid', user: { id: user.id, firstName: 'Thư', languageCode: 'vi' }, authDate: new Date(now.getTime() - 60_000) });
  });

  it('a field changed after signing, another user put in, the hash changed or dropped, or another bot’s token: refused as altered', () => {
    const fields = launchFields(user, now);
    const initData = signedInitData(fields, token);
    const params = new URLSearchParams(initData);

    const otherUser = new URLSearchParams(params);
    otherUser.set('user', JSON.stringify({ id: 1, first_name: 'Kẻ gian' }));
    expect(checkInitData(otherUser.toString(), token, now)).toEqual({ status: 'tampered' });

    const laterDate = new URLSearchParams(params);
    laterDate.set('auth_date', String(Number(fields.auth_date) + 1));
    expect(checkInitData(laterDate.toString(), token, now)).toEqual({ status: 'tampered' });

    const extraField = new URLSearchParams(params);
    extraField.set('start_param', 'x');
    expect(checkInitData(extraField.toString(), token, now)).toEqual({ status: 'tampered' });

    const hash = params.get('hash')!;
    const flipped = new URLSearchParams(params);
    flipped.set('hash', `${hash[0] === 'a' ? 'b' : 'a'}${hash.slice(1)}`);
    expect(checkInitData(flipped.toString(), token, now)).toEqual({ status: 'tampered' });

    const noHash = new URLSearchParams(params);
    noHash.delete('hash');
    expect(checkInitData(noHash.toString(), token, now)).toEqual({ status: 'tampered' });

    expect(checkInitData(initData, '999:another-bot', now)).toEqual({ status: 'tampered' });
    expect(checkInitData('', token, now)).toEqual({ status: 'tampered' });
  });

  it('signed more than an hour ago, or far in the future: refused as expired', () => {
    const old = signedInitData(launchFields(user, new Date(now.getTime() - 3601_000)), token);
    expect(checkInitData(old, token, now)).toEqual({ status: 'expired' });
    expect(checkInitData(old, token, now, 2 * 3600).status).toBe('valid');
    const future = signedInitData(launchFields(user, new Date(now.getTime() + 3600_000)), token);
    expect(checkInitData(future, token, now)).toEqual({ status: 'expired' });
  });

  it('a well-signed launch without a user is refused: there is no one to let in', () => {
    const { user: _user, ...rest } = launchFields(user, now);
    expect(checkInitData(signedInitData(rest, token), token, now)).toEqual({ status: 'tampered' });
  });
});
