/**
 * The `guild` command line: global options, then the one command asked for,
 * loaded on demand. The only module that decides how the process exits:
 * `GuildError` → `guild: <message>` and its code, usage errors → 2, a
 * filesystem error (EROFS, ENOSPC, EACCES, ...) → `guild: cannot <verb>
 * '<path>': <reason>` and 1, anything else → a stack and "internal error".
 */
import type { CommanderError } from "commander";
import { EXIT, isGuildError } from "./core/errors.js";
import { VERSION } from "./core/package-info.js";
import { parseGlobalArgs } from "./commands/global-args.js";
import type { CliIo } from "./commands/cli-io.js";
import { COMMANDS, findCommand } from "./commands/registry.js";
import { didYouMean } from "./core/util/closest-word.js";
import { fsErrorMessage } from "./core/store/write-errors.js";
import { processOut } from "./core/context.js";
import { stdWriteFailed } from "./core/util/std-streams.js";

export type { CliIo };

export async function runCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const code = await runArgs(argv, io);
  // Output that could not be written (`> file` on a full disk) fails a command that did its work.
  return code === 0 && stdWriteFailed() ? 1 : code;
}

async function runArgs(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // Guild's two-letter short options follow the command, which picks their meaning.
    const args = parseGlobalArgs(argv);
    args.rest = normalizeArgv(args.rest, args.command);
    if (args.version) {
      io.out.stdout(`guild ${VERSION}\n`);
      return 0;
    }
    if (args.help || args.command === undefined) {
      const { rootHelp } = await import("./commands/root-help.js");
      io.out.stdout(rootHelp());
      return 0;
    }
    const entry = findCommand(args.command);
    if (!entry) {
      const names = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      io.out.stderr(
        `guild: unrecognized command '${args.command}'${didYouMean(args.command, names)}\nTry 'guild --help' for more information.\n`,
      );
      return EXIT.USAGE_ERROR;
    }
    io.globals = { home: args.home, cwd: args.cwd };
    const { main } = await entry.load();
    await main(args.command, args.rest, io);
    return io.exitCode;
  } catch (e) {
    return exitCodeFor(e, io);
  }
}

/** Guild's short options that commander cannot spell (`-bl`, `-Sr`, ...). */
const ARG_ALIASES: Record<string, string[]> = {
  "-bl": ["--batch-label"],
  "-bt": ["--batch-tag"],
  "-Sr": ["--running"],
  "-Sc": ["--completed"],
  "-Se": ["--error"],
  "-St": ["--terminated"],
  "-Sp": ["--pending"],
  "-Ss": ["--staged"],
  "-Fo": ["--operation"],
  "-Fl": ["--label"],
  "-Fu": ["--unlabeled"],
  "-Fm": ["--marked"],
  "-Fn": ["--unmarked"],
  "-Fs": ["--started"],
  "-Fd": ["--digest"],
  "-Ft": ["--filter-tag"],
  "-rm": ["--remove"],
  "-cc": ["--strict-cols"],
};

/** `-Fo` filters runs by operation, but is `--opt-flag` to `guild run`. */
const COMMAND_ARG_ALIASES: Record<string, Record<string, string[]>> = {
  run: { "-Fo": ["--opt-flag"] },
};

const STATUS_CHARS: Record<string, string> = { r: "--running", c: "--completed", e: "--error", t: "--terminated", p: "--pending", s: "--staged" };

/** `-Sre` = `-Sr -Se` (later Guild's combined status filters). */
function statusCharsAlias(arg: string): string[] | undefined {
  const m = /^-S([rcetps]{2,})$/.exec(arg);
  return m ? [...(m[1] ?? "")].map((c) => STATUS_CHARS[c] as string) : undefined;
}

export function normalizeArgv(argv: readonly string[], command?: string): string[] {
  const aliases = { ...ARG_ALIASES, ...(command !== undefined ? COMMAND_ARG_ALIASES[command] : undefined) };
  const out: string[] = [];
  for (const [i, arg] of argv.entries()) {
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    out.push(...(aliases[arg] ?? statusCharsAlias(arg) ?? [arg]));
  }
  return out;
}

function exitCodeFor(e: unknown, io: CliIo): number {
  if (isGuildError(e)) {
    if (e.message) io.out.stderr(e.plain ? `${e.message}\n` : `guild: ${e.message}\n`);
    return e.exitCode;
  }
  if (isCommanderError(e)) return commanderExitCode(e, io);
  // A store that cannot be written (read-only, full, not ours): said, no stack.
  const fsMessage = fsErrorMessage(e);
  if (fsMessage) {
    io.out.stderr(`guild: ${fsMessage}\n`);
    return EXIT.DEFAULT_ERROR;
  }
  const err = e as Error;
  io.out.stderr(`${err?.stack ?? String(e)}\nguild: internal error\n`);
  return EXIT.INTERNAL_ERROR;
}

function isCommanderError(e: unknown): e is CommanderError {
  return typeof e === "object" && e !== null && "code" in e && String((e as CommanderError).code).startsWith("commander.");
}

function commanderExitCode(e: CommanderError, io: CliIo): number {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") {
    return e.exitCode === 1 ? 0 : e.exitCode;
  }
  io.out.stderr(`guild: ${e.message}\n`);
  return EXIT.USAGE_ERROR;
}

function defaultIo(): CliIo {
  return {
    exitCode: 0,
    globals: {},
    out: processOut(),
  };
}
