import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { type LoadRequest, type LoadShape, type RunStats, load } from "./load.js";

/** What one load run cost a server process in CPU time. */
export interface CpuPerRequest {
  readonly requests: number;
  readonly reqPerSec: number;
  /** CPU time (user + system) of the server process per request, in microseconds. */
  readonly cpuUsPerRequest: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU time a process has used so far (user + system), in microseconds, from /proc/<pid>/stat. */
export function processCpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields counted from after its ')' are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1e6) / TICKS_PER_SECOND;
}

/**
 * Loads a server in a child process and divides the CPU time the child used by the requests
 * it answered. Unlike requests per second, this hardly depends on what else the machine is
 * running: other processes take time slices, not the server's own CPU time per request (a
 * busy machine still costs some through shared caches). Linux only (/proc).
 */
export async function cpuPerRequest(child: ChildProcess, origin: string, request: LoadRequest, shape: LoadShape): Promise<CpuPerRequest> {
  const pid = child.pid;
  if (pid === undefined) throw new Error("the server process has no pid");
  const before = processCpuUs(pid);
  const stats = await load(origin, request, shape);
  const used = processCpuUs(pid) - before;
  return { requests: stats.requests, reqPerSec: stats.reqPerSec, cpuUsPerRequest: stats.requests > 0 ? used / stats.requests : Number.NaN };
}

/**
 * One load run (load.ts) that also reports the CPU time the server process spent per request,
 * when `child` is the one process serving (one worker; not a cluster's primary).
 */
export async function loadMeasured(child: ChildProcess | undefined, origin: string, request: LoadRequest, shape: LoadShape): Promise<RunStats & { cpuUsPerRequest?: number }> {
  const pid = child?.pid;
  const before = pid === undefined ? 0 : processCpuUs(pid);
  const stats = await load(origin, request, shape);
  if (pid === undefined || stats.requests === 0) return stats;
  return { ...stats, cpuUsPerRequest: (processCpuUs(pid) - before) / stats.requests };
}
