/** `NAME=VALUE` and `@batch-file` arguments of `guild run` (pure). */
import { fail } from "../errors.js";
import { msg } from "../messages.js";

export interface FlagArgs {
  /** In command-line order; a repeated name: the last one wins. */
  assigns: [name: string, raw: string][];
  batchFiles: string[];
}

export function parseFlagArgs(args: readonly string[]): FlagArgs {
  const assigns: [string, string][] = [];
  const batchFiles: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("@")) {
      batchFiles.push(arg.slice(1));
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq <= 0) fail(msg.invalidFlagArg(arg));
    assigns.push([arg.slice(0, eq), arg.slice(eq + 1)]);
  }
  return { assigns, batchFiles };
}

/** Whether a positional looks like a flag rather than an opspec. */
export function isFlagArg(arg: string): boolean {
  return arg.includes("=") || arg.startsWith("@");
}
