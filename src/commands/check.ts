/** `guild check`: versions and paths of this installation (offline). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { fail } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";

export function registerCheckCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("check")
    .summary("Check the Guild setup.")
    .description(
      "Check the Guild setup: versions of guild, Node.js, Python and TensorBoard, the\n" +
        "platform and the paths in use. Nothing is fetched from the network (--offline\n" +
        "is the default and the only mode).",
    )
    .option("--offline", "Do not check for a newer version (always the case here).");
  cmd.action(async (_o: unknown, self: Command) => {
    const { checkInstallation, formatCheckRows } = await import("../core/check.js");
    const ctx = contextFor(self, io, { createHome: false });
    const result = checkInstallation(ctx.home, ctx.env);
    ctx.out.stdout(formatCheckRows(result.rows).map((l) => `${l}\n`).join(""));
    if (result.problem) fail("there are problems with your setup\nRefer to the issues above for more information.");
  });
  configure(cmd, io);
}
