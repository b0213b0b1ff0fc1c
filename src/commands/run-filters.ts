/**
 * The run filter options of `cat`, `ls` and `compare`, and the core query
 * they make. One place to switch to the full runs filters (operation,
 * label, marked, started, digest) when those land.
 */
import type { Command } from "commander";
import type { RunStatus } from "../core/store/status.js";

export interface RunFilterCliOptions {
  running?: boolean;
  completed?: boolean;
  error?: boolean;
  terminated?: boolean;
  pending?: boolean;
  staged?: boolean;
}

export function addRunFilters(cmd: Command): Command {
  return cmd
    .option("-R, --running", "Filter only runs that are still running (-Sr).")
    .option("-C, --completed", "Filter only completed runs (-Sc).")
    .option("-E, --error", "Filter only runs that exited with an error (-Se).")
    .option("-T, --terminated", "Filter only runs terminated by the user (-St).")
    .option("-P, --pending", "Filter only pending runs (-Sp).")
    .option("-G, --staged", "Filter only staged runs (-Ss).");
}

export function runsQueryFor(o: RunFilterCliOptions): { statuses: RunStatus[]; deleted: false } {
  const all: [keyof RunFilterCliOptions, RunStatus][] = [
    ["running", "running"],
    ["completed", "completed"],
    ["error", "error"],
    ["terminated", "terminated"],
    ["pending", "pending"],
    ["staged", "staged"],
  ];
  return { statuses: all.filter(([key]) => o[key]).map(([, status]) => status), deleted: false };
}
