import { inject } from "vitest";

/**
 * The knowledge bases every run needs, built once by the global setup (test/support/global-setup.ts)
 * instead of once per test file: the fixture (`fixture`), the fixture with the generated bulk
 * statistics (`fixture-bulk-<n>`) and the project's db/ (`project`).
 */
export type SharedDatabaseName = "fixture" | `fixture-bulk-${number}` | "project";

declare module "vitest" {
  export interface ProvidedContext {
    /** Paths of the databases the global setup built, by SharedDatabaseName. */
    "lsf:shared-databases": Partial<Record<SharedDatabaseName, string>>;
  }
}

/**
 * The path of a database the global setup built, or undefined when there is none (a run
 * without the setup, or a build that failed there: the caller then builds it itself and
 * reports the problem where it is used). Callers copy the file; it is never opened in place.
 */
export function sharedDatabase(name: SharedDatabaseName): string | undefined {
  try {
    return inject("lsf:shared-databases")?.[name];
  } catch {
    return undefined;
  }
}
