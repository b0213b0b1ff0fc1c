/**
 * Runs an operation's OS process: cwd = run dir, stdout and stderr piped to
 * the terminal (or the parent run's output) and saved to `.guild/output`.
 * The process gets its own process group so that stopping the run stops
 * every process it started.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { constants } from "node:os";
import type { Out } from "../context.js";
import { runClaims } from "../store/claim.js";
import { writeLock } from "../store/lock.js";
import { currentProcessId } from "../util/proc.js";
import { openOutputScalars, type OutputScalarsSource } from "../scalars/output-scalars.js";
import { findExecutable } from "../util/find-executable.js";
import { openOutputWriter, type OutputWriter } from "./output-writer.js";
import { signalGroup, trackChild } from "./termination.js";
import { GATE, GATE_END, GATE_GO } from "./supervision.js";
import { writeAttr } from "../store/attrs.js";
import { fsErrorMessage } from "../store/write-errors.js";

export interface ProcessRequest {
  runDir: string;
  argv: readonly string[];
  env: Record<string, string>;
  out: Out;
  scalars: OutputScalarsSource;
}

/**
 * How long output may still arrive once the operation's process has exited.
 * Processes it left behind that keep its stdout open (a stopped run's
 * children, a daemon) must not keep the run, or the queue running it, from
 * ending.
 */
const OUTPUT_DRAIN_MS = 2000;

/** Resolves to the exit status Guild records: the code, or -signal. */
export function execProcess(req: ProcessRequest): Promise<number> {
  const [command = "", ...args] = req.argv;
  if (!findExecutable(command, req.env.PATH, req.runDir)) {
    req.out.stderr(`guild: cannot run ${command}: command not found\n`);
    return Promise.resolve(127);
  }
  const output = openRunOutput(req);
  return new Promise((resolve) => {
    let done = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      clearTimeout(drainTimer);
      output.writer.close();
      // Output that could not be recorded: the run stopped for it, an error.
      const outputError = output.error();
      if (outputError !== undefined) noteRunError(req.runDir, outputError);
      resolve(outputError === undefined ? status : 1);
    };
    // Behind the gate (supervision.ts): we send `go` only once LOCK names
    // its pid, and if we die, it takes the operation's process group with it.
    const child = spawnGate(command, args, req);
    if (!child) return finish(127);
    child.once("error", (e) => {
      req.out.stderr(`guild: cannot run ${command}: ${e.message}\n`);
      finish(127);
    });
    if (child.pid === undefined) return;
    trackChild(child);
    const pid = child.pid;
    output.stopWith(() => signalGroup(pid, "SIGTERM"));
    const self = currentProcessId();
    writeLock(req.runDir, { ...currentProcessId(pid), supervisor: { pid: self.pid, startTime: self.startTime } });
    runClaims.completeClaim(req.runDir);
    child.stdin.on("error", () => {}); // a gate already gone reads nothing
    child.stdin.write(GATE_GO);
    pipeOutput(child, output.writer, req.out);
    let status = 1;
    child.once("exit", (code, signal) => {
      status = code ?? -signalNumber(signal);
      child.stdin.end(GATE_END);
      // Killed (stopped, or by the OS): what it started goes with it.
      if (signal && child.pid !== undefined) signalGroup(child.pid, "SIGTERM");
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(status);
      }, OUTPUT_DRAIN_MS);
    });
    child.once("close", () => finish(status));
  });
}

interface RunOutput {
  writer: OutputWriter;
  /** Why the output could not be written, once it could not. */
  error(): string | undefined;
  /** What stops the run when its output cannot be written. */
  stopWith(stop: () => void): void;
}

/** The run's output files: output that cannot be written is said, and stops the run. */
function openRunOutput(req: ProcessRequest): RunOutput {
  let error: string | undefined;
  let stop = () => {};
  const writer = openOutputWriter(req.runDir, openOutputScalars(req.runDir, req.scalars, req.out), (e) => {
    error = fsErrorMessage(e, "write the run's output") ?? `cannot write the run's output: ${String(e)}`;
    req.out.stderr(`guild: ${error}\n`);
    stop();
  });
  return { writer, error: () => error, stopWith: (f) => (stop = f) };
}

/** The operation's stdout and stderr: to the run's output files and on to `out`. */
function pipeOutput(child: ChildProcessWithoutNullStreams, writer: OutputWriter, out: Out): void {
  child.stdout.on("data", (chunk: Buffer) => {
    writer.write(chunk, 0);
    out.stdout(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    writer.write(chunk, 1);
    out.stderr(chunk);
  });
}

/** The gate's process, or undefined (reported) when it cannot be spawned (E2BIG: arguments too long). */
function spawnGate(command: string, args: readonly string[], req: ProcessRequest): ChildProcessWithoutNullStreams | undefined {
  try {
    return spawn("/bin/sh", ["-c", GATE, command, command, ...args], {
      cwd: req.runDir,
      env: req.env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
  } catch (e) {
    req.out.stderr(`guild: cannot run ${command}: ${spawnErrorReason(e)}\n`);
    return undefined;
  }
}

function spawnErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "E2BIG") return "argument list too long";
  return code ?? String(e);
}

/** Says why a run ended in error (in `runs info`), if there is room to. */
function noteRunError(runDir: string, reason: string): void {
  try {
    writeAttr(runDir, "error", reason);
  } catch {
    // A full disk: guild said it on stderr, and the run reads `error`.
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? (constants.signals[signal] ?? 1) : 1;
}
