/** `guild runs label` (= `guild label`): set, prepend, append, remove or clear labels. */
import { Command, Option } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface LabelCliOptions extends FilterCliOptions {
  set?: string;
  prepend?: string;
  tag?: string;
  append?: string;
  remove?: string[];
  untag?: string[];
  clear?: boolean;
  yes?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerLabelCommand(parent: Command, io: CliIo): void {
  const cmd = parent
    .command("label")
    .summary("Set run labels.")
    .description(
      "Set run labels. VAL may use ${flag} and ${label} (the current label).\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; the latest run by default.",
    )
    .argument("[runs...]", "runs to label")
    .option("-s, --set <val>", "Set VAL as label.")
    .option("-p, --prepend <val>", "Prepend VAL to existing label (-t, --tag).")
    .addOption(new Option("-t, --tag <val>").hideHelp())
    .option("-a, --append <val>", "Append VAL to existing label.")
    .option("-u, --remove <val>", "Remove VAL from existing label (-rm, --untag). May be used multiple times.", collect)
    .addOption(new Option("--untag <val>").hideHelp().argParser(collect))
    .option("-c, --clear", "Clear the entire run label.")
    .option("-y, --yes", "Do not prompt before modifying labels.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: LabelCliOptions, self: Command) => {
    const { labelActionFor, labelPreview, labelRuns } = await import("../core/runs/label.js");
    const { runsForOp } = await import("./runs-op.js");
    const path = commandPath(self);
    const action = labelActionFor(
      { set: o.set, prepend: o.prepend ?? o.tag, append: o.append, remove: [...(o.remove ?? []), ...(o.untag ?? [])], clear: o.clear },
      path,
    );
    const ctx = contextFor(self, io, { createHome: false });
    const rows = runsForOp(
      {
        query: runsFilterFor(o, path),
        specs,
        defaultSpecs: ["1"],
        cmdPath: path,
        yes: o.yes === true,
        preview: labelPreview(action),
        question: "Continue?",
        defaultYes: true,
        nothing: "No runs to modify.",
      },
      ctx,
    );
    if (!rows) return;
    const n = labelRuns(rows, action);
    ctx.out.stdout(action.kind === "clear" ? `Cleared label for ${n} run(s)\n` : `Labeled ${n} run(s)\n`);
  });
  configure(cmd, io);
}
