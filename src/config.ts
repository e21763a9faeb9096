import { DEFAULT_DATA_DIR, DEFAULT_DB_PATH } from "./paths.js";

/**
 * Every setting of the server, in one table: its CLI flag, its environment variable, its default
 * and how it is checked. The command line wins over the environment, which wins over the
 * default. README's "Configuration" table lists the same rows (a test keeps them in step).
 * `serve` resolves them all (resolveSettings); a server created in-process takes any of them
 * and the defaults for the rest (settingsWithDefaults).
 */

/** What the server is configured with, once parsed and checked. */
export interface Settings {
  readonly port: number;
  readonly host: string;
  readonly db: string;
  readonly data: string;
  readonly workers: number;
  readonly maxBodyBytes: number;
  readonly requestTimeoutMs: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxQueryBytes: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  readonly corsOrigins: string;
  readonly cacheMaxAge: number;
  readonly responseCacheEntries: number;
  readonly responseCacheMb: number;
  readonly documentCacheMb: number;
  readonly rowCacheEntries: number;
  readonly preparedOperations: number;
  readonly executor: Executor;
  readonly keepAliveTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  readonly shutdownDelayMs: number;
  readonly logLevel: string;
  readonly logRequests: boolean;
  readonly fieldSuggestions: boolean;
  readonly debugErrors: boolean;
}

/** How operations are executed: compiled by graphql-jit, or interpreted by graphql-js. */
export type Executor = "jit" | "graphql-js";

/** What a parser returns for a bad value: the rule it breaks. */
interface Invalid {
  readonly invalid: string;
}
type Parser<T> = (raw: string) => T | Invalid;
const invalid = (rule: string): Invalid => ({ invalid: rule });
const isInvalid = (v: unknown): v is Invalid => typeof v === "object" && v !== null && "invalid" in v;

/** One row of the settings table. */
export interface SettingSpec<K extends keyof Settings = keyof Settings> {
  readonly key: K;
  readonly flag: string;
  readonly env: string;
  readonly default: string;
  /** The default as README shows it, when it differs (paths are resolved from the project root). */
  readonly shown?: string;
  readonly description: string;
  readonly parse: Parser<Settings[K]>;
  /** A switch: the flag alone means true (`--flag false` to turn it off). */
  readonly boolean?: true;
}

const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  (raw) => {
    const n = Number(raw);
    return /^\s*\d+\s*$/.test(raw) && Number.isSafeInteger(n) && n >= min && n <= max ? n : invalid(`an integer from ${min} to ${max}`);
  };
const text: Parser<string> = (raw) => (raw.trim() === "" ? invalid("a non-empty value") : raw.trim());
const boolean: Parser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  return invalid("true or false (1/0, yes/no, on/off)");
};
/** A parser accepting one of `values` (surrounding spaces ignored). */
const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw) => {
    const v = raw.trim() as T;
    return values.includes(v) ? v : invalid(`one of ${values.join(", ")}`);
  };
const executor = oneOf<Executor>(["jit", "graphql-js"]);
const logLevel = oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
const origins: Parser<string> = (raw) => {
  const v = raw.trim();
  if (v === "*") return v;
  const list = v.split(",").map((o) => o.trim());
  for (const o of list) {
    let ok = false;
    try {
      const u = new URL(o);
      ok = (u.protocol === "http:" || u.protocol === "https:") && u.origin === o;
    } catch {
      ok = false;
    }
    if (!ok) return invalid(`"*" or a comma-separated list of origins such as https://example.org (scheme, host and port only); ${JSON.stringify(o)} is not one`);
  }
  return list.join(",");
};

function spec<K extends keyof Settings>(s: SettingSpec<K>): SettingSpec<K> {
  return s;
}

/** The settings table, in the order README lists it. */
export const SETTINGS: readonly SettingSpec[] = [
  spec({ key: "port", flag: "--port", env: "PORT", default: "4000", description: "Port to listen on; `0` picks a free one.", parse: integer(0, 65535) }),
  spec({ key: "host", flag: "--host", env: "HOST", default: "127.0.0.1", description: "Address to listen on (`0.0.0.0` to serve beyond this machine).", parse: text }),
  spec({ key: "db", flag: "--db", env: "DB_PATH", default: DEFAULT_DB_PATH, shown: "var/knowledge.sqlite", description: "The knowledge base, opened read-only.", parse: text }),
  spec({ key: "data", flag: "--data", env: "DATA_DIR", default: DEFAULT_DATA_DIR, shown: "db/", description: "The curated files it is built from when missing or stale.", parse: text }),
  spec({ key: "workers", flag: "--workers", env: "WORKERS", default: "1", description: "Processes serving the same port and database (node:cluster); more than 1 starts a primary that supervises them.", parse: integer(1, 64) }),
  spec({ key: "maxBodyBytes", flag: "--max-body-bytes", env: "MAX_BODY_BYTES", default: "102400", description: "Largest request body; larger ones get 413 `PAYLOAD_TOO_LARGE`.", parse: integer(1) }),
  spec({ key: "requestTimeoutMs", flag: "--request-timeout-ms", env: "REQUEST_TIMEOUT_MS", default: "10000", description: "Deadline of one GraphQL request, from its arrival; past it the work is abandoned and the answer is 503 `DEADLINE_EXCEEDED`.", parse: integer(1) }),
  spec({ key: "maxDepth", flag: "--max-depth", env: "MAX_DEPTH", default: "15", description: "Deepest field nesting of an operation (fragments flattened, introspection included) → `QUERY_TOO_DEEP`.", parse: integer(1) }),
  spec({ key: "maxAliases", flag: "--max-aliases", env: "MAX_ALIASES", default: "30", description: "Aliases in an operation → `TOO_MANY_ALIASES`.", parse: integer(0) }),
  spec({ key: "maxTokens", flag: "--max-tokens", env: "MAX_TOKENS", default: "2000", description: "Lexical tokens in a document → `TOO_MANY_TOKENS`.", parse: integer(1) }),
  spec({ key: "maxQueryBytes", flag: "--max-query-bytes", env: "MAX_QUERY_BYTES", default: "49152", description: "Bytes of an operation's text, comments included, before it is parsed → `QUERY_TOO_LARGE`.", parse: integer(1) }),
  spec({ key: "maxDirectives", flag: "--max-directives", env: "MAX_DIRECTIVES", default: "20", description: "Directives in an operation → `TOO_MANY_DIRECTIVES`.", parse: integer(0) }),
  spec({ key: "maxCost", flag: "--max-cost", env: "MAX_COST", default: "100000", description: "Estimated cost of an operation, with its variables (see Limits) → `QUERY_TOO_COSTLY`.", parse: integer(1) }),
  spec({ key: "corsOrigins", flag: "--cors-origins", env: "CORS_ORIGINS", default: "*", description: "Origins allowed to read responses from a browser: `*` or a comma-separated list. Credentials are never allowed.", parse: origins }),
  spec({ key: "cacheMaxAge", flag: "--cache-max-age", env: "CACHE_MAX_AGE", default: "300", description: "`max-age` (seconds) of `Cache-Control: public` on successful query responses; `0` sends `no-cache` (revalidate with the ETag).", parse: integer(0) }),
  spec({ key: "responseCacheEntries", flag: "--response-cache-entries", env: "RESPONSE_CACHE_ENTRIES", default: "2000", description: "Successful responses kept in memory for repeated operations; `0` turns the response cache off.", parse: integer(0) }),
  spec({ key: "responseCacheMb", flag: "--response-cache-mb", env: "RESPONSE_CACHE_MB", default: "64", description: "Memory bound of the response cache, in MiB of response bytes.", parse: integer(0) }),
  spec({ key: "documentCacheMb", flag: "--document-cache-mb", env: "DOCUMENT_CACHE_MB", default: "32", description: "Memory bound of the parsed and validated documents kept for reuse, in MiB (query text and syntax tree, estimated).", parse: integer(1) }),
  spec({ key: "rowCacheEntries", flag: "--row-cache-entries", env: "ROW_CACHE_ENTRIES", default: "10000", description: "Repository results (rows looked up by key) kept across requests, frozen; `0` turns the row cache off.", parse: integer(0) }),
  spec({ key: "preparedOperations", flag: "--prepared-operations", env: "PREPARED_OPERATIONS", default: "250", description: "Query texts kept as prepared operations: a query answered cleanly once runs again from its compiled form without Apollo's pipeline (same bytes); `0` turns this lean path off. Needs `--executor jit`.", parse: integer(0) }),
  spec({ key: "executor", flag: "--executor", env: "EXECUTOR", default: "jit", description: "`jit`: an operation used again is compiled by graphql-jit (faster); `graphql-js`: every request interpreted by graphql-js. Both give the same answers (a test compares them).", parse: executor }),
  spec({ key: "keepAliveTimeoutMs", flag: "--keep-alive-timeout-ms", env: "KEEP_ALIVE_TIMEOUT_MS", default: "5000", description: "How long an idle keep-alive connection stays open.", parse: integer(1) }),
  spec({ key: "headersTimeoutMs", flag: "--headers-timeout-ms", env: "HEADERS_TIMEOUT_MS", default: "10000", description: "Time allowed to receive a request's headers (slow-loris guard); the whole request must arrive within twice this.", parse: integer(1) }),
  spec({ key: "shutdownTimeoutMs", flag: "--shutdown-timeout-ms", env: "SHUTDOWN_TIMEOUT_MS", default: "15000", description: "On SIGTERM/SIGINT, how long in-flight requests may take before their connections are cut.", parse: integer(0) }),
  spec({ key: "shutdownDelayMs", flag: "--shutdown-delay-ms", env: "SHUTDOWN_DELAY_MS", default: "0", description: "On SIGTERM/SIGINT, how long to keep accepting requests while `/readyz` answers 503, so a load balancer can stop routing here first.", parse: integer(0) }),
  spec({ key: "logLevel", flag: "--log-level", env: "LOG_LEVEL", default: "info", description: "pino level of the JSON log on stdout: fatal, error, warn, info, debug, trace or silent.", parse: logLevel }),
  spec({ key: "logRequests", flag: "--log-requests", env: "LOG_REQUESTS", default: "false", description: "Log one `info` line per request (method, path, status, time, request id). Errors and slow requests are logged either way.", parse: boolean, boolean: true }),
  spec({ key: "fieldSuggestions", flag: "--field-suggestions", env: "FIELD_SUGGESTIONS", default: "true", description: "Keep graphql-js's \"Did you mean …?\" hints in validation errors (introspection is public, so they reveal nothing new).", parse: boolean, boolean: true }),
  spec({ key: "debugErrors", flag: "--debug-errors", env: "DEBUG_ERRORS", default: "false", description: "Development only: send unexpected errors' messages and stack traces to clients instead of masking them.", parse: boolean, boolean: true }),
];

/** A setting that failed its check, with a message naming the flag, the variable and the rule. */
export class SettingsError extends Error {}

/**
 * Resolves every setting: `given` (parsed CLI flags, by key, as strings) over `env` over the
 * defaults. Throws SettingsError naming the first bad one.
 */
export function resolveSettings(given: Partial<Record<keyof Settings, string | boolean | undefined>>, env: NodeJS.ProcessEnv = process.env): Settings {
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const flagValue = given[s.key];
    const envValue = env[s.env];
    const [raw, from] =
      flagValue !== undefined ? [String(flagValue), s.flag] : envValue !== undefined && envValue !== "" ? [envValue, s.env] : [s.default, "the default"];
    const value = s.parse(raw);
    if (isInvalid(value)) {
      throw new SettingsError(`${s.flag} (${s.env}) must be ${value.invalid}; got ${JSON.stringify(raw)} from ${from}.`);
    }
    out[s.key] = value;
  }
  return out as unknown as Settings;
}

/** The defaults alone, as `serve` has them with no flag and no environment. */
export const DEFAULT_SETTINGS: Settings = resolveSettings({}, {});

/**
 * The defaults of a server created in-process (createServer, in tests and benchmarks): `serve`'s,
 * except the row cache, off unless asked for, so that tests counting statements see every one.
 */
const IN_PROCESS_DEFAULTS: Settings = { ...DEFAULT_SETTINGS, rowCacheEntries: 0 };

/** The settings given, with the in-process defaults for those left out (or undefined). */
export function settingsWithDefaults(given: Partial<Settings> = {}): Settings {
  const settings: Record<string, unknown> = { ...IN_PROCESS_DEFAULTS };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) settings[key] = value;
  return settings as unknown as Settings;
}

/** Bytes in `n` MiB (the `*Mb` settings' unit). */
export function mib(n: number): number {
  return n * 1024 * 1024;
}
