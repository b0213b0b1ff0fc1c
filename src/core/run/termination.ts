/**
 * Ctrl-C and SIGTERM: the operation processes we started (each in its own
 * process group, so the whole tree) are sent SIGTERM, in-process drivers
 * (batch, steps, queue) stop starting new runs, and every run records how it
 * ended. Only `src/cli.ts` installs the signal handlers; the core asks here.
 *
 * A driver may ask for a graceful stop (the broker's worker): then the first
 * signal only stops it taking new work, its runs go on to their end, and the
 * second signal stops the runs.
 */
import type { ChildProcess } from "node:child_process";

const children = new Set<ChildProcess>();
let terminatingSignal: NodeJS.Signals | undefined;
let graceful = false;
let runsStopped = false;

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
  if (runsStopped) killGroup(child, "SIGTERM");
}

/** The first signal stops only the taking of new work (see above). */
export function stopGracefully(): void {
  graceful = true;
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
  if (!graceful) stopRuns();
  for (const wake of sleepers) wake();
}

function stopRuns(): void {
  runsStopped = true;
  for (const child of children) killGroup(child, "SIGTERM");
}

/** A second signal to a graceful stop: now stop the runs too; false if they were already stopped. */
export function stopRunsAfterGrace(): boolean {
  if (runsStopped) return false;
  stopRuns();
  return true;
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
