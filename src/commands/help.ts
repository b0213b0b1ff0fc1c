/** `guild help`: the project's operations and flags, as Guild's help shows them. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";

export function registerHelpCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("help")
    .summary("Show help for the project's operations.")
    .description("Show the operations the project's guild.yml defines, with their flags (imported ones too).")
    .option("-n, --no-pager", "Do not use a pager (never used here: output is printed as is).");
  cmd.action(async (_o: unknown, self: Command) => {
    const { projectHelp } = await import("../core/op/project-help.js");
    const ctx = contextFor(self, io, { createHome: false });
    ctx.out.stdout(projectHelp(ctx).map((l) => `${l}\n`).join(""));
  });
  configure(cmd, io);
}
