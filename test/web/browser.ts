import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { PROJECT_ROOT } from "../../src/paths.js";

/** Where Debian's chromium package installs the browser; used when CHROMIUM_PATH is not set. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Where a browser was found, and how. */
export interface ChromiumChoice {
  readonly path: string;
  readonly from: "CHROMIUM_PATH" | "system" | "playwright";
}

/**
 * The Chromium (or Chrome) the browser tests drive: `CHROMIUM_PATH` when set (it must exist:
 * a wrong setting is an error, not a fallback), else /usr/bin/chromium, else the browser
 * playwright installs itself (`npx playwright-core install chromium`). Throws with all three
 * ways when none is there: the tests fail rather than skip.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist: point it at a Chromium or Chrome executable.`);
    return { path: configured, from: "CHROMIUM_PATH" };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, from: "system" };
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { path: bundled, from: "playwright" };
  throw new Error(
    "No Chromium for the browser tests: set CHROMIUM_PATH to a Chromium or Chrome executable, install /usr/bin/chromium " +
      "(`apt-get install -y chromium`, as .ci/run does) or let playwright download its own (`npx playwright-core install chromium`).",
  );
}

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
 * Launches Chromium (see findChromium) headless with a fresh profile and networking limited
 * to the test server: DNS resolves nothing but 127.0.0.1, background services (updates, sync,
 * QUIC) are off, and every request to another origin is aborted and recorded. Fails with a
 * clear message (the tests must not silently skip) when Chromium is missing or does not start.
 */
export async function launchOfflineBrowser(serverOrigin: string): Promise<OfflineBrowser> {
  const { path: executablePath, from } = findChromium();
  const profile = mkdtempSync(join(tmpdir(), "lsf-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
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
    throw new Error(`Chromium at ${executablePath} (from ${from}) could not be launched: ${(e as Error).message}`);
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
