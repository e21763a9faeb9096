import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { existsSync } from "node:fs";

/** The project root, whether running from src/ (tsx, vitest) or dist/src/ (built). */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The curated data directory that ships with the project. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, "db");

/** Where `npm start` and `npm run db:build` keep the built database. */
export const DEFAULT_DB_PATH = join(PROJECT_ROOT, "var", "knowledge.sqlite");

function findRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return resolve(from);
    dir = up;
  }
  return dir;
}
