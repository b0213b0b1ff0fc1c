/**
 * Looking at a store from a test: the `guild runs --all` table as rows, run
 * directories by operation, processes named in run files.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { guild, type GuildEnv, type GuildResult } from "./guild-cli.js";

export interface ListedRun {
  sid: string;
  op: string;
  status: string;
  label: string;
}

/** `guild runs --all`, one row per run, newest first (run by `runGuild`: on a simulated host, say). */
export async function listedRuns(
  g: GuildEnv,
  runGuild: (args: readonly string[], g: GuildEnv) => Promise<GuildResult> = guild,
): Promise<ListedRun[]> {
  const res = await runGuild(["runs", "--all"], g);
  if (res.exitCode !== 0) throw new Error(`guild runs failed: ${res.stderr}`);
  return res.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      // The time column is blank for runs never started or staged.
      const m = /^\[\d+:(\w+)\] +(\S+) +(?:\S+ \S+)? +(running|pending|staged|completed|error|terminated)(?: +(.*))?$/.exec(line);
      if (!m) throw new Error(`cannot read runs line: ${line}`);
      return { sid: m[1] ?? "", op: m[2] ?? "", status: m[3] ?? "", label: m[4] ?? "" };
    });
}

/** The status of each run dir as one `guild runs --all` lists them (undefined: not listed). */
export async function listedStatuses(g: GuildEnv, runDirs: readonly string[]): Promise<(string | undefined)[]> {
  const listed = await listedRuns(g);
  return runDirs.map((dir) => listed.find((r) => r.sid === shortIdOf(dir))?.status);
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
  if (!(pid > 1)) throw new Error(`not a process id: ${pid}`);
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
    const tree = treePids(dir);
    for (const pid of tree ? [tree.op, tree.child] : []) if (isAlive(pid) && cmdlineOf(pid).includes("python")) killQuietly(pid);
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
  if (!(pid > 1) || pid === process.pid) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}

/** tree.py's pids (its own, its child's) once it has written both. */
export function treePids(runDir: string): { op: number; child: number } | undefined {
  let text: string;
  try {
    text = readFileSync(join(runDir, "pids"), "utf8");
  } catch {
    return undefined;
  }
  const m = /^(\d+) (\d+)\n$/.exec(text);
  return m ? { op: Number(m[1]), child: Number(m[2]) } : undefined;
}

/** Sends a signal to one process; never to a process group (pid 0, -1). */
export function signalPid(pid: number, signal: NodeJS.Signals): void {
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`refusing to signal pid ${pid}`);
  process.kill(pid, signal);
}

/** A claim file name for a process, as claims are named (owner-key.ts). */
export function claimName(pid: number): string {
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  const start = stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] : "1";
  return `CLAIMED.${pid}.${start}.${encodeURIComponent(hostname())}`;
}
