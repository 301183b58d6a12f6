import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from './fixture-notices.js';

const bin = fileURLToPath(new URL('../../bin/dondoc.js', import.meta.url));

function dondoc(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('dondoc parse', () => {
  it('prints the notice and a table of directives a secretary can read', async () => {
    const { code, stdout } = await dondoc('parse', fixturePath('seed-004-bcd-ntm-xa-binh-son.txt'));
    expect(code).toBe(0);
    expect(stdout).toContain('Số: (chưa có số)');
    expect(stdout).toContain('Ngày họp: 17/11/2020');
    expect(stdout).toMatch(/\| STT \| Nhiệm vụ +\| Chủ trì +\| Phối hợp +\| Thời hạn +\|/);
    expect(stdout).toMatch(/\| 2 +\| Ban chỉ đạo xây dựng NTM của xã .*\| 30\/11\/2020 +\|/);
    expect(stdout).toContain('Báo cáo: xã Bình Sơn → Ban chỉ đạo huyện qua Văn phòng NTM huyện, ngày 14, 28 hằng tháng');
    expect(stdout).toContain('Cần kiểm tra:');
  });

  it('prints one JSON object with --json', async () => {
    const { code, stdout } = await dondoc('parse', fixturePath('01-ubnd-huyen-giao-ban.txt'), '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { notice: { number: string }; directives: unknown[]; schedules: unknown[]; warnings: unknown[] };
    expect(parsed.notice.number).toBe('412/TB-UBND');
    expect(parsed.directives).toHaveLength(5);
  });

  it('refuses a bad file with one Vietnamese line and exit code 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-parse-'));
    const file = path.join(dir, 'hong.docx');
    writeFileSync(file, 'PK\u0003\u0004 không phải Word');
    const { code, stdout, stderr } = await dondoc('parse', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['dondoc parse: hong.docx: Tệp .docx bị hỏng hoặc không đúng định dạng Word: hãy mở và lưu lại bằng Word rồi gửi lại.']);
  });

  it('holds a notice to the limits of the bot, naming the one it passes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-parse-'));
    const items = Array.from({ length: 501 }, (_, i) => `${i + 1}. Giao Phòng Nội vụ thực hiện việc số ${i + 1}.`);
    writeFileSync(path.join(dir, 'dai.txt'), ['THÔNG BÁO', 'Chủ tịch UBND huyện kết luận như sau:', ...items].join('\n'));
    const { code, stdout, stderr } = await dondoc('parse', path.join(dir, 'dai.txt'));
    expect([code, stdout]).toEqual([2, '']);
    // The last line: a first run after a source change says before it that it compiled them.
    expect(stderr.trim().split('\n').at(-1)).toBe('dondoc parse: dai.txt: Văn bản có 501 nhiệm vụ, vượt giới hạn 500 nhiệm vụ một thông báo: hãy tách thành nhiều thông báo.');
  });

  it('explains its usage when called without a file', async () => {
    const { code, stderr } = await dondoc('parse');
    expect(code).toBe(2);
    expect(stderr).toContain('usage: dondoc parse FILE [--json]');
  });
});
