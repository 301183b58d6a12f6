import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { applyMigrations } from '../../src/store/migrations.js';
import { createLogger } from '../../src/logger.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-perm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('the SQLite file', () => {
  it('is created 0600, with its -wal and -shm, whatever the umask lets others read', async () => {
    const file = path.join(dir, 'data', 'dondoc.db');
    const url = `file:${file}`;
    const previous = process.umask(0o022);
    try {
      await applyMigrations(parseDatabaseUrl(url), createLogger({ level: 'silent' }));
      const database = await openDatabase(url);
      await database.db.office.findMany();
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
      expect(modeOf(path.dirname(file)) & 0o077).toBe(0);
      await database.close();
    } finally {
      process.umask(previous);
    }
  });
});
