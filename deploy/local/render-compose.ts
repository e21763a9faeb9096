/**
 * `npm run deploy:render`: writes deploy/nginx/nginx.compose.conf, the rendering of the shipped
 * nginx template that deploy/docker-compose.yml mounts, or with `--check` exits 1 when the
 * committed file differs from a fresh rendering.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { NGINX_COMPOSE_CONF, composeConf } from "./render.js";

const wanted = composeConf();
const shown = relative(process.cwd(), NGINX_COMPOSE_CONF);
if (process.argv.includes("--check")) {
  const current = existsSync(NGINX_COMPOSE_CONF) ? readFileSync(NGINX_COMPOSE_CONF, "utf8") : "";
  if (current !== wanted) {
    console.error(`${shown} is not the current rendering of deploy/nginx/nginx.conf.template: run npm run deploy:render`);
    process.exitCode = 1;
  } else console.log(`${shown} is current`);
} else {
  writeFileSync(NGINX_COMPOSE_CONF, wanted);
  console.log(`wrote ${shown}`);
}
