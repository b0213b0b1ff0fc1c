/** `guild runs` (= `runs list`) and `runs rm|delete`. */
import { Command } from "commander";
import type { CliIo } from "../cli.js";
import type { Ctx } from "../core/context.js";
import { fail } from "../core/errors.js";
import type { RunStatus } from "../core/store/status.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";

interface FilterCliOptions {
  running?: boolean;
  completed?: boolean;
  error?: boolean;
  terminated?: boolean;
  pending?: boolean;
  staged?: boolean;
}

interface ListCliOptions extends FilterCliOptions {
  all?: boolean;
  limit?: string;
  deleted?: boolean;
}

interface RmCliOptions extends FilterCliOptions {
  yes?: boolean;
  permanent?: boolean;
}

function addStatusFilters(cmd: Command): Command {
  return cmd
    .option("-R, --running", "Filter only runs that are still running (-Sr).")
    .option("-C, --completed", "Filter only completed runs (-Sc).")
    .option("-E, --error", "Filter only runs that exited with an error (-Se).")
    .option("-T, --terminated", "Filter only runs terminated by the user (-St).")
    .option("-P, --pending", "Filter only pending runs (-Sp).")
    .option("-G, --staged", "Filter only staged runs (-Ss).");
}

export function statusesFor(o: FilterCliOptions): RunStatus[] {
  const all: [keyof FilterCliOptions, RunStatus][] = [
    ["running", "running"],
    ["completed", "completed"],
    ["error", "error"],
    ["terminated", "terminated"],
    ["pending", "pending"],
    ["staged", "staged"],
  ];
  return all.filter(([key]) => o[key]).map(([, status]) => status);
}

export function registerRunsCommands(program: Command, io: CliIo): void {
  const runs = configure(program.command("runs").summary("Show or manage runs.").description("Show or manage runs."), io);
  const list = runs
    .command("list", { isDefault: true })
    .summary("List runs.")
    .description("List runs, newest first.")
    .option("-a, --all", "Show all runs (by default only the first 20 are shown).")
    .option("-m, --more", "Show 20 more runs. May be used multiple times.")
    .option("-n, --limit <n>", "Limit number of runs shown.")
    .option("-d, --deleted", "Show deleted runs.");
  addStatusFilters(list);
  let more = 0;
  list.on("option:more", () => (more += 1));
  list.action(async (options: ListCliOptions, self: Command) => {
    const { listRunsCommand } = await import("./runs-list.js");
    listRunsCommand(contextFor(self, io, { createHome: false }), { ...options, more });
  });
  configure(list, io);

  for (const name of ["rm", "delete"]) {
    const rm = runs
      .command(name)
      .summary("Delete one or more runs.")
      .description("Delete one or more runs. RUN may be an index (1), a range (2:4) or an id prefix.")
      .argument("[runs...]", "runs to delete")
      .option("-y, --yes", "Do not prompt before deleting.")
      .option("-p, --permanent", "Permanently delete runs so they cannot be restored.");
    addStatusFilters(rm);
    rm.action(async (specs: string[], options: RmCliOptions, self: Command) => {
      const { deleteRunsCommand } = await import("./runs-delete.js");
      deleteRunsCommand(contextFor(self, io, { createHome: false }), specs, options, name);
    });
    configure(rm, io);
  }
}

export function parseLimit(limit: string | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!/^\d+$/.test(limit)) fail(`invalid value for '-n' / '--limit': '${limit}' is not a valid integer`);
  return Number(limit);
}

export type { Ctx, ListCliOptions, RmCliOptions };
