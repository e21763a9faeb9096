import { buildWebAssets } from "../../src/web/build/build-web.js";
import { type TestApi, projectApi } from "../api/knowledge-bases.js";

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
