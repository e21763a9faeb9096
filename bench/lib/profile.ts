import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of a profile to summarise. */
export interface ProfileWindow {
  /** Leave out the samples of the first `skipMs` milliseconds (process start-up, warm-up). */
  readonly skipMs?: number;
  /** How many functions to list. */
  readonly top?: number;
}

/** One line of a profile summary: a function or an area of code, and its share of the samples. */
export interface ProfileLine {
  readonly name: string;
  readonly ms: number;
  readonly percent: number;
}

/** Where the CPU time of a profile went: by function (self time) and by area (package or project folder). */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly topFrames: ProfileLine[];
  readonly byArea: ProfileLine[];
}

/**
 * Summarises a CPU profile by self time, so RESULTS.md can say what is in the way of a target
 * without anyone opening the profile: the heaviest functions (name, file:line) and the same
 * samples grouped by area (an npm package, a project folder, Node's internals, GC).
 */
export function summarizeProfile(path: string, projectRoot: string, window: ProfileWindow = {}): ProfileSummary {
  const p = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const top = window.top ?? 15;
  const skipUs = (window.skipMs ?? 0) * 1000;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < p.samples.length; i++) {
    at += p.timeDeltas[i] ?? 0;
    if (at >= skipUs) selfUs.set(p.samples[i]!, (selfUs.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const frames = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    total += us;
    const file = shortFile(url, projectRoot);
    const frame = file ? `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}` : functionName || "(anonymous)";
    frames.set(frame, (frames.get(frame) ?? 0) + us);
    const area = areaOf(url, functionName, projectRoot);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const lines = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / total }));
  return { totalMs: total / 1000, topFrames: lines(frames, top), byArea: lines(areas, 12) };
}

/** Markdown for a summary: two small tables. */
export function profileMarkdown(s: ProfileSummary, title: string): string {
  const rows = (ls: ProfileLine[]) => ls.map((l) => `| ${l.name.replace(/\|/g, "\\|")} | ${l.ms.toFixed(0)} | ${l.percent.toFixed(1)} % |`).join("\n");
  return [
    `**${title}** (${(s.totalMs / 1000).toFixed(2)} s of samples, idle excluded)`,
    "",
    "| area | self ms | share |",
    "| --- | ---: | ---: |",
    rows(s.byArea),
    "",
    "| function (self time) | self ms | share |",
    "| --- | ---: | ---: |",
    rows(s.topFrames),
    "",
  ].join("\n");
}

function shortFile(url: string, root: string): string {
  if (!url) return "";
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  return path.startsWith("/") ? relative(root, path) : path;
}

function areaOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const file = shortFile(url, root);
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = file.split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : file;
}
