import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTINGS, SettingsError, resolveSettings, settingsWithDefaults } from "../../src/config.js";
import { DEFAULT_DB_PATH, PROJECT_ROOT } from "../../src/paths.js";

describe("serve configuration", () => {
  it("has safe defaults", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      port: 4000,
      host: "127.0.0.1",
      db: DEFAULT_DB_PATH,
      workers: 1,
      maxBodyBytes: 102400,
      requestTimeoutMs: 10000,
      maxDepth: 15,
      maxAliases: 30,
      maxTokens: 2000,
      maxDirectives: 20,
      maxCost: 100000,
      corsOrigins: "*",
      logRequests: false,
      debugErrors: false,
    });
  });

  it("takes a flag over the environment over the default", () => {
    expect(resolveSettings({}, { MAX_DEPTH: "9" }).maxDepth).toBe(9);
    expect(resolveSettings({ maxDepth: "7" }, { MAX_DEPTH: "9" }).maxDepth).toBe(7);
    expect(resolveSettings({}, { MAX_DEPTH: "" }).maxDepth).toBe(15);
    expect(resolveSettings({ logRequests: true }, {}).logRequests).toBe(true);
    expect(resolveSettings({}, { LOG_REQUESTS: "yes", FIELD_SUGGESTIONS: "off" })).toMatchObject({ logRequests: true, fieldSuggestions: false });
    expect(resolveSettings({}, { CORS_ORIGINS: "https://a.example, http://localhost:5173" }).corsOrigins).toBe("https://a.example,http://localhost:5173");
  });

  it("gives a server created in-process the defaults for what it is not given, with the row cache off", () => {
    expect(settingsWithDefaults()).toEqual({ ...DEFAULT_SETTINGS, rowCacheEntries: 0 });
    expect(DEFAULT_SETTINGS.rowCacheEntries).toBeGreaterThan(0);
    const given = settingsWithDefaults({ maxDepth: 3, rowCacheEntries: 50, corsOrigins: undefined });
    expect(given).toMatchObject({ maxDepth: 3, rowCacheEntries: 50, corsOrigins: "*", maxAliases: DEFAULT_SETTINGS.maxAliases });
  });

  it("refuses bad values, naming the flag, the variable, the rule and the source", () => {
    expect(() => resolveSettings({ port: "70000" }, {})).toThrow(new SettingsError('--port (PORT) must be an integer from 0 to 65535; got "70000" from --port.'));
    expect(() => resolveSettings({}, { MAX_DEPTH: "0" })).toThrow('--max-depth (MAX_DEPTH) must be an integer from 1 to');
    expect(() => resolveSettings({}, { MAX_COST: "1e5" })).toThrow(/from MAX_COST/);
    expect(() => resolveSettings({}, { LOG_LEVEL: "loud" })).toThrow(/one of fatal, error/);
    expect(() => resolveSettings({}, { CORS_ORIGINS: "https://a.example/path" })).toThrow(/is not one/);
    expect(() => resolveSettings({}, { DEBUG_ERRORS: "maybe" })).toThrow(/true or false/);
  });

  it("is documented in docs/operations.md: every flag, variable and default, and no setting that does not exist", () => {
    const doc = readFileSync(join(PROJECT_ROOT, "docs", "operations.md"), "utf8");
    const rows = doc.split("\n").filter((l) => l.startsWith("| `--"));
    for (const s of SETTINGS) {
      const row = rows.find((l) => l.startsWith(`| \`${s.flag}\``));
      expect(row, s.flag).toBeDefined();
      expect(row, s.flag).toContain(`\`${s.env}\``);
      expect(row, s.flag).toContain(`\`${s.shown ?? s.default}\``);
    }
    // `--no-build` is a flag of `serve` without a setting behind it (no variable, no default).
    const documented = rows.map((l) => /^\| `(--[\w-]+)`/.exec(l)?.[1]);
    expect(documented.filter((f) => f !== "--no-build").sort()).toEqual(SETTINGS.map((s) => s.flag).sort());
  });
});
