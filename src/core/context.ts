/**
 * What every core function gets instead of reaching for globals: the
 * directory the command works in, the Guild home, the environment and where
 * output goes. Nested runs (batch trials, steps, queued runs) get a context
 * whose `out` also records into the parent run's output.
 */
import { writeStd } from "./util/std-streams.js";

export interface Out {
  stdout(chunk: string | Uint8Array): void;
  stderr(chunk: string | Uint8Array): void;
}

export interface Ctx {
  cwd: string;
  home: string;
  env: NodeJS.ProcessEnv;
  out: Out;
}

/** Nothing reaches the terminal: an operation run with `-q` (its output is still saved). */
export const SILENT_OUT: Out = { stdout: () => {}, stderr: () => {} };

/** The context an operation runs in: `quiet` keeps its output off the terminal. */
export function opCtx(ctx: Ctx, quiet: boolean | undefined): Ctx {
  return quiet ? { ...ctx, out: SILENT_OUT } : ctx;
}

export function processOut(): Out {
  return {
    stdout: (chunk) => writeStd(1, chunk),
    stderr: (chunk) => writeStd(2, chunk),
  };
}

export function writeLine(write: (chunk: string) => void, line: string): void {
  write(`${line}\n`);
}
