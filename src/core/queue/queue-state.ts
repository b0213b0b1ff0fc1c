/**
 * What a queue keeps while it runs (the file queue's and the broker
 * worker's alike): its flags, its log, and the runs it has seen.
 */
import type { FlagMap } from "../flags/value.js";
import type { RunProgress } from "../progress/run-progress.js";
import type { RunEntry } from "../store/run-order.js";
import type { QueueLog } from "./queue-log.js";

export interface QueueState {
  selfId: string;
  runOnce: boolean;
  waitForRunning: boolean;
  gpus: string | null;
  pollMs: number;
  log: QueueLog;
  progress: RunProgress;
  /** Runs this queue has finished, for the progress line. */
  done: number;
  loggedWaiting: boolean;
  gpuMismatch: Set<string>;
  waiting: Set<string>;
  unstartable: Set<string>;
  /**
   * Staged runs the last listing found and not yet tried, newest first (the
   * next to try is last).
   */
  candidates: RunEntry[];
}

export function queueState(selfId: string, flags: FlagMap, log: QueueLog, progress: RunProgress): QueueState {
  const interval = typeof flags["poll-interval"] === "number" ? flags["poll-interval"] : 10;
  return {
    selfId,
    runOnce: flags["run-once"] === true,
    waitForRunning: flags["wait-for-running"] === true,
    gpus: flags.gpus === null || flags.gpus === undefined ? null : String(flags.gpus),
    pollMs: Math.max(interval, 0.1) * 1000,
    log,
    progress,
    done: 0,
    loggedWaiting: false,
    gpuMismatch: new Set(),
    waiting: new Set(),
    unstartable: new Set(),
    candidates: [],
  };
}
