/**
 * `npm run build:web`: builds the explorer and fact-card assets into dist/web (see
 * src/web/build/build-web.ts), or says they are up to date. `--force` rebuilds regardless.
 */
import { buildWebAssets } from "../src/web/build/build-web.js";

const started = Date.now();
const { manifest, built } = await buildWebAssets({ force: process.argv.includes("--force") });
const total = Object.values(manifest.files).reduce((sum, file) => sum + file.bytes, 0);
const explorer = manifest.files[manifest.entries.explorerScript]!.bytes;
console.log(
  built
    ? `web assets built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.keys(manifest.files).length} files, ${(total / 1e6).toFixed(2)} MB ` +
        `(explorer script ${(explorer / 1e6).toFixed(2)} MB), ${manifest.examples.length} example operations`
    : `web assets up to date (${manifest.examples.length} example operations)`,
);
