/**
 * A process and everything it started, from /proc (Linux): its descendants
 * by parent pid and, when it leads its own session (the operation processes
 * and background runs we start detached), every process in its group, which
 * also catches grandchildren whose parent already exited. A process that
 * does not lead a session (a `guild run` started from a shell, whose group
 * is the shell's job) never has its group signalled.
 */
import { readdirSync } from "node:fs";
import { procStatFields } from "./proc.js";

interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
}

function readStat(pid: number): ProcStat | undefined {
  // state ppid pgrp session ...
  const rest = procStatFields(pid);
  if (!rest || rest[0] === "Z" || rest[0] === "X") return undefined;
  return { pid, ppid: Number(rest[1]), pgrp: Number(rest[2]), session: Number(rest[3]) };
}

function allStats(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const stats: ProcStat[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}

/**
 * `pid` first, then the processes it started; just `[pid]` without /proc.
 * Processes in `exclude` (other runs' processes) and what they started are
 * left out.
 */
export function processTree(pid: number, exclude: ReadonlySet<number> = new Set()): number[] {
  const root = readStat(pid);
  if (!root) return [pid];
  const stats = allStats();
  const tree = new Set<number>([pid]);
  if (root.session === pid) for (const s of stats) if (s.pgrp === pid && !exclude.has(s.pid)) tree.add(s.pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats) {
      if (!tree.has(s.pid) && !exclude.has(s.pid) && tree.has(s.ppid)) {
        tree.add(s.pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Sends `signal` to each pid; returns those that could be signalled. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): number[] {
  const sent: number[] = [];
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
      sent.push(pid);
    } catch {
      // Gone already, or not ours to signal.
    }
  }
  return sent;
}
