import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder: the nearest folder above this module that holds `package.json`. The
 * code runs from `src/` (tests, tsx) and bundled from `dist/` (`npm start`), where every module
 * shares one `import.meta.url`, so paths relative to a module would differ between the two.
 */
export const projectDir = (() => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
})();

/** A file or folder of the project (`locales/vi.ftl`, `prisma/`…), as an absolute path. */
export function projectFile(relative: string): string {
  return path.join(projectDir, relative);
}
