/** `guild tag` (= `guild runs tag`): add, delete or clear run tags (Guild 0.9). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface TagCliOptions extends FilterCliOptions {
  add?: string[];
  delete?: string[];
  clear?: boolean;
  syncLabels?: boolean;
  listAll?: boolean;
  yes?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerTagCommand(parent: Command, io: CliIo): void {
  const cmd = parent
    .command("tag")
    .summary("Add or remove run tags.")
    .description(
      "Add or remove run tags. Tags select runs with --tag (-Ft) in run commands.\n" +
        "Tags do not change run labels unless --sync-labels is given.\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; the latest run by default.",
    )
    .argument("[runs...]", "runs to tag")
    .option("-a, --add <tag>", "Associate TAG with specified runs. May be used multiple times.", collect)
    .option("-d, --delete <tag>", "Delete TAG from specified runs. May be used multiple times.", collect)
    .option("-c, --clear", "Clear all tags associated with specified runs.")
    .option("-s, --sync-labels", "Update run label by adding and deleting corresponding tag parts.")
    .option("--list-all", "List all tags used for the specified runs.")
    .option("-y, --yes", "Do not prompt before modifying tags.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: TagCliOptions, self: Command) => {
    const { allTags, checkTagAction, tagRuns } = await import("../core/runs/tags.js");
    const path = commandPath(self);
    const action = { add: o.add ?? [], delete: o.delete ?? [], clear: o.clear === true, syncLabels: o.syncLabels === true };
    checkTagAction({ ...action, listAll: o.listAll === true }, path);
    const ctx = contextFor(self, io, { createHome: false });
    const query = runsFilterFor(o, path);
    if (o.listAll) {
      const { selectRunRows } = await import("../core/runs/select-rows.js");
      for (const tag of allTags(selectRunRows(query, specs.length ? specs : [":"], path, ctx))) ctx.out.stdout(`${tag}\n`);
      return;
    }
    const { runsForOp } = await import("./runs-op.js");
    const rows = runsForOp(
      {
        query,
        specs,
        defaultSpecs: ["1"],
        cmdPath: path,
        yes: o.yes === true,
        preview:
          "You are about to modify tags for the following runs:\n" +
          (action.syncLabels
            ? "Labels are updated to reflect the latest tags."
            : "Labels are not updated - use --sync-labels to apply changes run labels."),
        question: "Continue?",
        defaultYes: true,
        nothing: "No runs to modify.",
      },
      ctx,
    );
    if (!rows) return;
    ctx.out.stderr(`Modified tags for ${tagRuns(rows, action)} run(s)\n`);
  });
  configure(cmd, io);
}
