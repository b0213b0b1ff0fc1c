/** `guild runs purge` and `guild runs restore`: act on deleted runs (`runs list -d`). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import type { Ctx } from "../core/context.js";
import type { RunRow } from "../core/runs/list.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface TrashCliOptions extends FilterCliOptions {
  yes?: boolean;
}

interface TrashCommand {
  name: string;
  summary: string;
  verb: string;
  preview: string;
  question: string;
  defaultYes: boolean;
  nothing: string;
  act(rows: RunRow[], ctx: Ctx): Promise<string>;
}

const PURGE: TrashCommand = {
  name: "purge",
  summary: "Permanently delete one or more deleted runs.",
  verb: "purged",
  preview: "WARNING: You are about to permanently delete the following runs:",
  question: "Permanently delete {count} run(s)?",
  defaultYes: false,
  nothing: "Nothing to purge.",
  act: async (rows, ctx) => {
    const { purgeRuns, heldMessage } = await import("../core/runs/delete.js");
    const { deleted, held } = purgeRuns(rows, ctx);
    for (const run of held) ctx.out.stderr(heldMessage(run.id));
    return `Permanently deleted ${deleted} run(s)`;
  },
};

const RESTORE: TrashCommand = {
  name: "restore",
  summary: "Restore one or more deleted runs.",
  verb: "restored",
  preview: "You are about to restore the following runs:",
  question: "Restore {count} run(s)?",
  defaultYes: true,
  nothing: "Nothing to restore.",
  act: async (rows, ctx) => `Restored ${(await import("../core/runs/delete.js")).restoreRuns(rows, ctx)} run(s)`,
};

export function registerPurgeCommand(runs: Command, io: CliIo): void {
  registerTrashCommand(runs, io, PURGE);
}

export function registerRestoreCommand(runs: Command, io: CliIo): void {
  registerTrashCommand(runs, io, RESTORE);
}

function registerTrashCommand(runs: Command, io: CliIo, spec: TrashCommand): void {
  const cmd = runs
    .command(spec.name)
    .summary(spec.summary)
    .description(
      `${spec.summary.replace(/\.$/, "")} (see 'guild runs list --deleted').\n` +
        `Without RUN, all deleted runs matching the filters are ${spec.verb}.`,
    )
    .argument("[runs...]", `deleted runs to ${spec.name}`)
    .option("-y, --yes", `Do not prompt before ${spec.name === "purge" ? "purging" : "restoring"}.`);
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: TrashCliOptions, self: Command) => {
    const { runsForOp } = await import("./runs-op.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const rows = runsForOp(
      {
        query: { ...runsFilterFor(o, path), deleted: true },
        specs,
        defaultSpecs: [":"],
        cmdPath: path,
        yes: o.yes === true,
        preview: spec.preview,
        question: spec.question,
        defaultYes: spec.defaultYes,
        nothing: spec.nothing,
      },
      ctx,
    );
    if (rows) ctx.out.stdout(`${await spec.act(rows, ctx)}\n`);
  });
  configure(cmd, io);
}
