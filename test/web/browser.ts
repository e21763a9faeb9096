import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { PROJECT_ROOT } from "../../src/paths.js";

/** Debian's Chromium; playwright's own browser downloads are not available here. */
export const CHROMIUM = "/usr/bin/chromium";

/** Where the tests write screenshots for people to look at (git-ignored). */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, "test-output", "screenshots");

/** A headless Chromium that can reach only the test server, and what it tried to reach. */
export interface OfflineBrowser {
  readonly context: BrowserContext;
  /** Every http(s)/ws(s) URL requested, by pages and workers alike, in order. */
  readonly requests: string[];
  /** Requests to any other origin than the server's, which were aborted. */
  readonly blocked: string[];
  /** Console errors and uncaught page errors (CSP violations show up here). */
  readonly errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless with a fresh profile and networking limited to the
 * test server: DNS resolves nothing but 127.0.0.1, background services (updates, sync,
 * QUIC) are off, and every request to another origin is aborted and recorded. Fails with
 * a clear message (the tests must not silently skip) when Chromium is missing or does not
 * start.
 */
export async function launchOfflineBrowser(serverOrigin: string): Promise<OfflineBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests need it. Install it with \`apt-get install -y chromium\` (.ci/run does).`);
  }
  const profile = mkdtempSync(join(tmpdir(), "lsf-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      ],
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium at ${CHROMIUM} could not be launched: ${(e as Error).message}`);
  }
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  const isNetwork = (url: string) => /^(https?|wss?):/i.test(url);
  context.on("request", (r) => {
    if (isNetwork(r.url())) requests.push(r.url());
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isNetwork(url) && new URL(url).origin !== serverOrigin) {
      blocked.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  };
  context.on("page", watch);
  for (const p of context.pages()) watch(p);
  return {
    context,
    requests,
    blocked,
    errors,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under test-output/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
