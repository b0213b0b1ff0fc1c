/**
 * Looking at a store from a test: the `guild runs --all` table as rows, run
 * directories by operation, processes named in run files.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "./guild-cli.js";

export interface ListedRun {
  sid: string;
  op: string;
  status: string;
  label: string;
}

/** `guild runs --all`, one row per run, newest first. */
export async function listedRuns(g: GuildEnv): Promise<ListedRun[]> {
  const res = await guild(["runs", "--all"], g);
  if (res.exitCode !== 0) throw new Error(`guild runs failed: ${res.stderr}`);
  return res.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [index = "", op = "", , status = "", label = ""] = line.split(/ {2,}/);
      return { sid: /^\[\d+:(\w+)\]$/.exec(index)?.[1] ?? index, op, status, label };
    });
}

/** Status of each listed run, by short id. */
export async function statusesBySid(g: GuildEnv): Promise<Record<string, string>> {
  return Object.fromEntries((await listedRuns(g)).map((r) => [r.sid, r.status]));
}

export function runIds(home: string): string[] {
  const dir = join(home, "runs");
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Run dirs whose opref names `op` (e.g. `tree.py`, `queue`, `+`). */
export function runDirsOf(home: string, op: string): string[] {
  return runIds(home)
    .map((id) => join(home, "runs", id))
    .filter((dir) => {
      const opref = readFileSync(join(dir, ".guild", "opref"), "utf8").trim();
      return opref.endsWith(` ${op}`);
    });
}

/** The pid in a run's LOCK, if any. */
export function lockPid(runDir: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(join(runDir, ".guild", "LOCK"), "utf8").slice(0, 10), 10);
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) is not alive.
  try {
    return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export function readAttrText(runDir: string, name: string): string | undefined {
  try {
    return readFileSync(join(runDir, ".guild", "attrs", name), "utf8").trim();
  } catch {
    return undefined;
  }
}

export function shortIdOf(runDir: string): string {
  return (runDir.split("/").pop() ?? "").slice(0, 8);
}

/**
 * Kills what a failed test may have left running: each run's LOCK process
 * (when its start time still matches) and the pids tree.py records (when
 * still python). A passing test leaves nothing, so this does nothing.
 */
export function killLeftovers(home: string): void {
  for (const id of runIds(home)) {
    const dir = join(home, "runs", id);
    const lock = readLockRecord(dir);
    if (lock && startTimeOf(lock.pid) === lock.start) killQuietly(lock.pid);
    let pids: number[] = [];
    try {
      pids = readFileSync(join(dir, "pids"), "utf8").trim().split(" ").map(Number);
    } catch {
      // not a tree.py run
    }
    for (const pid of pids) if (isAlive(pid) && cmdlineOf(pid).includes("python")) killQuietly(pid);
  }
}

function readLockRecord(dir: string): { pid: number; start: number | undefined } | undefined {
  try {
    const text = readFileSync(join(dir, ".guild", "LOCK"), "utf8");
    const start = /start=(\d+)/.exec(text)?.[1];
    return { pid: Number.parseInt(text.slice(0, 10), 10), start: start === undefined ? undefined : Number(start) };
  } catch {
    return undefined;
  }
}

function startTimeOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  } catch {
    return undefined;
  }
}

function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}
