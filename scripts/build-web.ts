/**
 * `npm run build:web`: builds the explorer and fact-card assets into dist/web (see
 * src/web/build/build-web.ts), or says they are up to date. `--force` rebuilds regardless.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { buildWebAssets } from "../src/web/build/build-web.js";
import { WEB_DIST_DIR } from "../src/web/manifest.js";

const started = Date.now();
const { manifest, built } = await buildWebAssets({ force: process.argv.includes("--force") });
const size = (name: string) => statSync(join(WEB_DIST_DIR, "assets", name)).size;
const total = Object.keys(manifest.files).reduce((sum, name) => sum + size(name), 0);
const explorer = manifest.entries.explorerScript;
console.log(
  built
    ? `web assets built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.keys(manifest.files).length} files, ${(total / 1e6).toFixed(2)} MB ` +
        `(explorer script ${(size(explorer) / 1e6).toFixed(2)} MB), ${manifest.examples.length} example operations`
    : `web assets up to date (${manifest.examples.length} example operations)`,
);
