import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Renders deploy/nginx/nginx.conf.template: the one nginx configuration the project ships.
 * The substitution is deliberately tiny so that every rendering is the shipped file with
 * addresses and paths filled in: each `{{NAME}}` is replaced by its value, the line that
 * holds `{{REPLICA}}` is written once per replica address, and lines starting with `#%` (notes
 * about the template itself) are dropped. A placeholder without a value, or a value that could
 * break out of its directive, is an error.
 */

/** The deploy/ directory. */
export const DEPLOY_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The shipped template. */
export const NGINX_TEMPLATE = join(DEPLOY_DIR, "nginx", "nginx.conf.template");

/** The rendering for deploy/docker-compose.yml, committed and kept current by `npm run deploy:render`. */
export const NGINX_COMPOSE_CONF = join(DEPLOY_DIR, "nginx", "nginx.compose.conf");

/** What differs between one place nginx runs and another. */
export interface NginxSettings {
  /** `listen` argument: a port, or address:port. */
  readonly listen: string;
  /** The replicas as host:port, in order. */
  readonly replicas: readonly string[];
  /** `worker_processes`: a number or `auto`. */
  readonly workerProcesses: string;
  readonly pidFile: string;
  readonly errorLog: string;
  readonly accessLog: string;
  /** Directory for nginx's request and response buffers. */
  readonly tempDir: string;
  /** Directory of the shared response cache. */
  readonly cacheDir: string;
}

/** The settings of the docker-compose deployment (deploy/docker-compose.yml's service names and paths). */
export const COMPOSE_SETTINGS: NginxSettings = {
  listen: "8080",
  replicas: ["api-1:4000", "api-2:4000", "api-3:4000"],
  workerProcesses: "auto",
  pidFile: "/tmp/nginx.pid",
  errorLog: "/dev/stderr",
  accessLog: "/dev/stdout",
  tempDir: "/tmp",
  cacheDir: "/tmp/graphql-cache",
};

/** A value may not contain what would end or extend an nginx directive. */
const SAFE_VALUE = /^[A-Za-z0-9._:/@+=-]+$/;

/** Renders `template` (the shipped one by default) with `settings`; throws on a missing or unsafe value. */
export function renderNginxConf(settings: NginxSettings, template = readFileSync(NGINX_TEMPLATE, "utf8")): string {
  if (settings.replicas.length === 0) throw new Error("nginx needs at least one replica");
  const values: Record<string, string> = {
    LISTEN: settings.listen,
    WORKER_PROCESSES: settings.workerProcesses,
    PID_FILE: settings.pidFile,
    ERROR_LOG: settings.errorLog,
    ACCESS_LOG: settings.accessLog,
    TEMP_DIR: settings.tempDir,
    CACHE_DIR: settings.cacheDir,
  };
  for (const [name, value] of [...Object.entries(values), ...settings.replicas.map((r) => ["REPLICA", r] as const)]) {
    if (!SAFE_VALUE.test(value)) throw new Error(`nginx template value ${name}=${JSON.stringify(value)} has characters that do not belong in a directive`);
  }
  const fill = (line: string) =>
    line.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`nginx template: no value for {{${name}}}`);
      return value;
    });
  const out: string[] = [];
  for (const line of template.split("\n")) {
    if (line.startsWith("#%")) continue;
    if (line.includes("{{REPLICA}}")) for (const replica of settings.replicas) out.push(fill(line.replaceAll("{{REPLICA}}", replica)));
    else out.push(fill(line));
  }
  return out.join("\n");
}

/** The header of a committed rendering, naming its source. */
export const RENDERED_HEADER =
  "# GENERATED from deploy/nginx/nginx.conf.template by `npm run deploy:render` (deploy/local/render.ts).\n" +
  "# Do not edit: change the template and render again (`npm run cluster:check` fails when this file is stale).\n\n";

/** The docker-compose rendering as it must be committed. */
export function composeConf(): string {
  return RENDERED_HEADER + renderNginxConf(COMPOSE_SETTINGS);
}
