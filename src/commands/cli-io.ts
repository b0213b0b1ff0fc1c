/**
 * What the CLI hands a command: where output goes, the global options, the
 * command's own arguments, and where an exit code is left. Defined here,
 * below the commands, so that they need not import src/cli.ts (which
 * imports them through the registry).
 */
import type { Out } from "../core/context.js";
import type { GlobalArgs } from "./global-args.js";

export interface CliIo {
  out: Out;
  /** Set by a command whose result is an exit code (an operation's). */
  exitCode: number;
  globals: Pick<GlobalArgs, "home" | "cwd">;
  /** The command's own arguments (after its name). */
  args?: readonly string[];
}
