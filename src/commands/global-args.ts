/**
 * The global part of `guild [OPTIONS] COMMAND [ARGS]...`: options before the
 * command (as with click, `guild runs -C` is the runs option, not -C PATH).
 */
import { EXIT, fail } from "../core/errors.js";

export interface GlobalArgs {
  home?: string;
  cwd?: string;
  version: boolean;
  help: boolean;
  command?: string;
  rest: string[];
}

const TRY = "Try 'guild --help' for more information.";

export function parseGlobalArgs(argv: readonly string[]): GlobalArgs {
  const parsed: GlobalArgs = { version: false, help: false, rest: [] };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--version") parsed.version = true;
    else if (arg === "-h" || arg === "--help") parsed.help = true;
    else if (arg === "-H" || arg === "-C") {
      const value = argv[++i];
      if (value === undefined) fail(`option ${arg} requires an argument\n${TRY}`, EXIT.USAGE_ERROR);
      if (arg === "-H") parsed.home = value;
      else parsed.cwd = value;
    } else if (arg.startsWith("-H") || arg.startsWith("-C")) {
      if (arg.startsWith("-H")) parsed.home = arg.slice(2);
      else parsed.cwd = arg.slice(2);
    } else if (arg.startsWith("-") && arg !== "-") {
      fail(`unrecognized option '${arg}'\n${TRY}`, EXIT.USAGE_ERROR);
    } else break;
  }
  parsed.command = argv[i];
  parsed.rest = argv.slice(i + 1);
  return parsed;
}
