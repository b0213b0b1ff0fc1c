/**
 * Ctrl-C and SIGTERM: the operation processes we started (each in its own
 * process group, so the whole tree) are sent SIGTERM, in-process drivers
 * (batch, steps, queue) stop starting new runs, and every run records how it
 * ended. Only `src/cli.ts` installs the signal handlers; the core asks here.
 */
import type { ChildProcess } from "node:child_process";

const children = new Set<ChildProcess>();
let terminatingSignal: NodeJS.Signals | undefined;

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
  if (terminatingSignal) killGroup(child, "SIGTERM");
}

export function isTerminating(): boolean {
  return terminatingSignal !== undefined;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * After a signal asked us to stop: 128 + its number (130 after Ctrl-C, 143
 * after SIGTERM), as shells expect of a process a signal ended.
 */
export function exitCodeAfterSignal(): number | undefined {
  const n = terminatingSignal && SIGNAL_NUMBERS[terminatingSignal];
  return n ? 128 + n : undefined;
}

/** Exit status for a driver stopped by a signal, as Guild records it. */
export const TERMINATED_EXIT_STATUS = -15;

const sleepers = new Set<() => void>();

export function terminate(signal: NodeJS.Signals): void {
  terminatingSignal ??= signal;
  for (const child of children) killGroup(child, "SIGTERM");
  for (const wake of sleepers) wake();
}

/** Sleeps `ms`, waking early when the process is asked to terminate. */
export function sleepUnlessTerminated(ms: number): Promise<void> {
  if (terminatingSignal) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      sleepers.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    sleepers.add(wake);
  });
}

/** A second Ctrl-C: kill what is left at once (the runs read `terminated`). */
export function killChildrenNow(): void {
  for (const child of children) killGroup(child, "SIGKILL");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (!signalGroup(child.pid, signal)) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Signals the process group led by `pid`; false if there is none. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
