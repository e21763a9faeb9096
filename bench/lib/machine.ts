import { execFileSync } from "node:child_process";
import os from "node:os";

/** The machine and code a benchmark ran on, for the header of its results. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly commit: string;
  /** Whether the working tree had uncommitted changes (the numbers are then for those). */
  readonly dirty: boolean;
  /** 1, 5 and 15 minute load averages when the run started. */
  readonly loadAtStart: readonly number[];
}

/** Reads the machine's description and the checkout's commit. */
export function machineInfo(root: string): MachineInfo {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "";
    }
  };
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    commit: git("rev-parse", "--short=12", "HEAD") || "unknown",
    dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** One Markdown line describing the machine, with the load when the run ended. */
export function machineLine(m: MachineInfo): string {
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  return (
    `${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GiB, Node ${m.node}, commit \`${m.commit}\`${m.dirty ? " with uncommitted changes" : ""}; ` +
    `load average (1/5/15 min) ${load(m.loadAtStart)} at the start, ${load(os.loadavg())} at the end`
  );
}
