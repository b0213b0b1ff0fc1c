/**
 * Runs an operation's OS process: cwd = run dir, stdout and stderr piped to
 * the terminal (or the parent run's output) and saved to `.guild/output`.
 * The process gets its own process group so that stopping the run stops
 * every process it started.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import type { Out } from "../context.js";
import { completeClaim } from "../store/claim.js";
import { writeLock } from "../store/lock.js";
import { currentProcessId } from "../util/proc.js";
import { openOutputScalars } from "../scalars/output-scalars.js";
import { openOutputWriter } from "./output-writer.js";
import { trackChild } from "./termination.js";

export interface ProcessRequest {
  runDir: string;
  argv: readonly string[];
  env: Record<string, string>;
  out: Out;
}

/** Resolves to the exit status Guild records: the code, or -signal. */
export function execProcess(req: ProcessRequest): Promise<number> {
  const writer = openOutputWriter(req.runDir, openOutputScalars(req.runDir, req.out));
  const [command = "", ...args] = req.argv;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: req.runDir,
      env: req.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const finish = (status: number) => {
      writer.close();
      resolve(status);
    };
    child.once("error", (e) => {
      req.out.stderr(`guild: cannot run ${command}: ${e.message}\n`);
      // The run is no longer claimed once it failed to start.
      completeClaim(req.runDir);
      finish(127);
    });
    if (child.pid === undefined) return;
    trackChild(child);
    writeLock(req.runDir, currentProcessId(child.pid));
    completeClaim(req.runDir);
    child.stdout.on("data", (chunk: Buffer) => {
      writer.write(chunk, 0);
      req.out.stdout(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      writer.write(chunk, 1);
      req.out.stderr(chunk);
    });
    child.once("close", (code, signal) => finish(code ?? -signalNumber(signal)));
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal ? (constants.signals[signal] ?? 1) : 1;
}
