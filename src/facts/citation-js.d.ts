/**
 * Type declarations for the parts of citation-js (0.7) that cite.ts uses; the packages ship
 * JavaScript only. Kept minimal on purpose: only what is called, typed as it behaves.
 */
declare module "@citation-js/core" {
  /** A bibliography in CSL-JSON, with formatters registered by plugins. */
  export class Cite {
    constructor(data: readonly object[]);
    /** "bibliography" and "citation" (plugin-csl), "bibtex" (plugin-bibtex), "data" (CSL-JSON). */
    format(format: string, options?: Record<string, unknown>): string | [string, string][];
  }
  interface Register {
    add(name: string, value: string): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: {
      get(plugin: "@csl"): { templates: Register; locales: Register };
      get(plugin: "@bibtex"): { format: { useIdAsLabel: boolean; asciiOnly: boolean } };
    };
  };
}

declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
