/// <reference lib="dom" />

/** The hashed URLs of the three Monaco workers, fixed by the web build (see src/web/build). */
export interface MonacoWorkerUrls {
  readonly editor: string;
  readonly json: string;
  readonly graphql: string;
}

/**
 * Tells Monaco where its web workers are: our own bundles under /assets/, built beside the
 * explorer, instead of the CDN that GraphiQL's ready-made setups point to. Monaco asks for a
 * worker by label: `graphql` (validation, completion), `json` (variables and response) or
 * anything else (the editor's own worker).
 */
export function installMonacoWorkers(urls: MonacoWorkerUrls): void {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      const url = label === "graphql" ? urls.graphql : label === "json" ? urls.json : urls.editor;
      return new Worker(url, { name: `monaco-${label}` });
    },
  };
}
