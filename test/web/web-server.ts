import { afterAll, beforeAll } from "vitest";
import { buildWebAssets } from "../../src/web/build/build-web.js";
import { type TestApi, projectApi } from "../api/knowledge-bases.js";
import { type OfflineBrowser, launchOfflineBrowser } from "./browser.js";

/** The project's knowledge base served over HTTP on 127.0.0.1, with the web assets built. */
export interface WebTestServer {
  readonly api: TestApi;
  /** e.g. `http://127.0.0.1:43123` (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Builds the web assets when their inputs changed (what `npm run build:web` does; a no-op
 * otherwise, and safe when several test files do it at once), builds the project's
 * knowledge base into a temporary directory and serves it on an ephemeral port.
 */
export async function startWebTestServer(): Promise<WebTestServer> {
  await buildWebAssets();
  const api = await projectApi();
  const { port } = await api.server.listen(0, "127.0.0.1");
  return {
    api,
    origin: `http://127.0.0.1:${port}`,
    // Stopping Apollo drains and closes the HTTP server too.
    close: () => api.close(),
  };
}

/** The web test server and a headless browser limited to it, shared by one file's tests. */
export interface BrowserSuite {
  /** Set before the file's first test runs. */
  readonly server: WebTestServer;
  /** Set before the file's first test runs. */
  readonly browser: OfflineBrowser;
}

/**
 * Starts the web test server and an offline browser before the file's tests and closes both
 * after them. Call at the top level of a test file.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as { server: WebTestServer; browser: OfflineBrowser };
  beforeAll(async () => {
    suite.server = await startWebTestServer();
    suite.browser = await launchOfflineBrowser(suite.server.origin);
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
