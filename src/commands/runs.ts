/**
 * `guild runs` (= `runs list`) and its subcommands. Each subcommand beyond
 * list and rm is defined in its own module (runs-info.ts, runs-label.ts, ...).
 */
import { Command, Help } from "commander";
import type { CliIo } from "./cli-io.js";
import type { Ctx } from "../core/context.js";
import { EXIT, fail } from "../core/errors.js";
import { didYouMean } from "../core/util/closest-word.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, type FilterCliOptions } from "./runs-options.js";
import { registerCommentCommand } from "./comment.js";
import { registerInfoCommand } from "./runs-info.js";
import { registerLabelCommand } from "./runs-label.js";
import { registerMarkCommand } from "./runs-mark.js";
import { registerPurgeCommand, registerRestoreCommand } from "./runs-trash.js";
import { registerStopCommand } from "./runs-stop.js";
import { registerTagCommand } from "./tag.js";

interface ListCliOptions extends FilterCliOptions {
  all?: boolean;
  limit?: string;
  deleted?: boolean;
  json?: boolean;
  verbose?: boolean;
}

interface RmCliOptions extends FilterCliOptions {
  yes?: boolean;
  permanent?: boolean;
}

export function registerRunsCommands(program: Command, io: CliIo): void {
  const runs = configure(
    program
      .command("runs")
      .usage("[OPTIONS] COMMAND [ARGS]...")
      .summary("Show or manage runs.")
      .description(
        "Show or manage runs.\n\nIf COMMAND is omitted, lists runs. Refer to 'guild runs list --help' for\n" +
          "more information on the list command.",
      )
      .helpCommand(false),
    io,
  );
  checkSubcommand(io.args?.[0]);
  const wanted = subcommandsFor(io.args);
  if (wanted.has("list")) registerListCommand(runs, io);
  registerChangingCommands(runs, io, wanted);
  showListOptionsInHelp(runs);
}

/** `guild runs --help` lists the options of `runs list`, the default command, as Guild's does. */
function showListOptionsInHelp(runs: Command): void {
  const list = runs.commands.find((c) => c.name() === "list");
  if (!list) return;
  runs.configureHelp({
    visibleOptions(this: Help, cmd: Command) {
      return Help.prototype.visibleOptions.call(this, cmd === runs ? list : cmd);
    },
  });
}

function registerListCommand(runs: Command, io: CliIo): void {
  const list = runs
    .command("list", { isDefault: true })
    .summary("List runs.")
    .description("List runs, newest first.")
    .option("-a, --all", "Show all runs (by default only the first 20 are shown).")
    .option("-m, --more", "Show 20 more runs. May be used multiple times.")
    .option("-n, --limit <n>", "Limit number of runs shown.")
    .option("-d, --deleted", "Show deleted runs.")
    .option("--json", "Format runs as JSON (schema in the README).")
    .option("-v, --verbose", "Show run details.");
  addFilterOptions(list);
  let more = 0;
  list.on("option:more", () => (more += 1));
  list.action(async (options: ListCliOptions, self: Command) => {
    const { listRunsCommand } = await import("./runs-list.js");
    listRunsCommand(contextFor(self, io, { createHome: false }), { ...options, more }, self);
  });
  configure(list, io);
}

function registerChangingCommands(runs: Command, io: CliIo, wanted: Set<string>): void {
  for (const name of ["rm", "delete"]) {
    if (!wanted.has(name)) continue;
    const rm = runs
      .command(name)
      .summary("Delete one or more runs.")
      .description(
        "Delete one or more runs. RUN may be an index (1), a range (2:4) or an id prefix;\n" +
          "without RUN, all runs matching the filters are deleted. Running runs are stopped first.",
      )
      .argument("[runs...]", "runs to delete")
      .option("-y, --yes", "Do not prompt before deleting.")
      .option("-p, --permanent", "Permanently delete runs so they cannot be restored.");
    addFilterOptions(rm);
    rm.action(async (specs: string[], options: RmCliOptions, self: Command) => {
      const { deleteRunsCommand } = await import("./runs-delete.js");
      await deleteRunsCommand(contextFor(self, io, { createHome: false }), specs, options, self);
    });
    configure(rm, io);
  }
  const others: [string, (runs: Command, io: CliIo) => void][] = [
    ["comment", registerCommentCommand],
    ["info", registerInfoCommand],
    ["label", registerLabelCommand],
    ["mark", registerMarkCommand],
    ["purge", registerPurgeCommand],
    ["restore", registerRestoreCommand],
    ["stop", registerStopCommand],
    ["tag", registerTagCommand],
  ];
  for (const [name, register] of others) if (wanted.has(name)) register(runs, io);
}

const SUBCOMMANDS = ["list", "rm", "delete", "comment", "info", "label", "mark", "purge", "restore", "stop", "tag"];

/** `guild runs lst`: name the word (commander would route it to `list` as an extra argument). */
function checkSubcommand(first: string | undefined): void {
  if (first === undefined || first.startsWith("-") || SUBCOMMANDS.includes(first)) return;
  fail(`unrecognized command '${first}'${didYouMean(first, SUBCOMMANDS)}\nTry 'guild runs --help' for more information.`, EXIT.USAGE_ERROR);
}

/**
 * The subcommands to define for these arguments: only the one being run
 * (each brings a dozen filter options, and `guild runs` should start fast),
 * or all of them for help and for names commander must report as unknown.
 */
export function subcommandsFor(args: readonly string[] | undefined): Set<string> {
  const first = args?.[0];
  if (first !== undefined && SUBCOMMANDS.includes(first)) return new Set([first]);
  const help = args?.some((a) => a === "-h" || a === "--help");
  if ((first === undefined || first.startsWith("-")) && !help) return new Set(["list"]);
  return new Set(SUBCOMMANDS);
}

export function parseLimit(limit: string | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!/^\d+$/.test(limit)) fail(`invalid value for '-n' / '--limit': '${limit}' is not a valid integer`);
  if (Number(limit) < 1) fail(`invalid value for '-n' / '--limit': ${limit} is not in the valid range of 1 or greater`);
  return Number(limit);
}

export type { Ctx, ListCliOptions, RmCliOptions };
