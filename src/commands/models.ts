/** `guild models`: the models the project's guild.yml defines. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";

export function registerModelsCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("models")
    .summary("Show available models.")
    .description(
      "Show the models defined in the project's guild.yml. FILTERs show only models\n" +
        "whose name or description contains each of them.",
    )
    .argument("[filters...]", "filter models")
    .option("-a, --all", "Show all models including those designated as private.")
    .option("-v, --verbose", "Show model details.");
  cmd.action(async (filters: string[], o: { all?: boolean; verbose?: boolean }, self: Command) => {
    const { projectModels } = await import("../core/op/models-list.js");
    const { cutLine, formatColumns, terminalWidth } = await import("../output.js");
    const ctx = contextFor(self, io, { createHome: false });
    const models = projectModels(ctx.cwd, filters, o.all === true);
    const width = terminalWidth(ctx.env);
    formatColumns(models.map((m) => [m.name, m.description])).forEach((line, i) => {
      ctx.out.stdout(`${cutLine(line, width)}\n`);
      const m = models[i];
      if (!o.verbose || !m) return;
      const details = m.details.length ? `\n${m.details.map((d) => `    ${d}`).join("\n")}` : " -";
      ctx.out.stdout(`  source: ${m.source}\n  operations: ${m.operations}\n  details:${details}\n`);
    });
  });
  configure(cmd, io);
}
