/** `guild operations` (alias `ops`), and `guild run OP --help-op`. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import type { Ctx } from "../core/context.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";

interface OpsCliOptions {
  all?: boolean;
  verbose?: boolean;
}

export function registerOperationsCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("operations")
    .alias("ops")
    .summary("Show model operations.")
    .description(
      "Show the operations defined in the project's guild.yml. FILTERs show only\n" +
        "operations whose name or description contains each of them.",
    )
    .argument("[filters...]", "filter operations")
    .option("-a, --all", "Show all operations including those designated as private.")
    .option("-v, --verbose", "Show operation details.");
  cmd.action(async (filters: string[], o: OpsCliOptions, self: Command) => {
    const { projectOperations, withImportedFlags } = await import("../core/op/project-ops.js");
    const { cutLine, formatColumns, terminalWidth } = await import("../output.js");
    const ctx = contextFor(self, io, { createHome: false });
    const listed = projectOperations(ctx.cwd, filters, o.all === true);
    const ops = o.verbose ? withImportedFlags(listed, ctx) : listed;
    const width = terminalWidth(ctx.env);
    formatColumns(ops.map((op) => [op.fullname, op.description])).forEach((line, i) => {
      ctx.out.stdout(`${cutLine(line, width)}\n`);
      const op = ops[i];
      if (!o.verbose || !op) return;
      // A pipeline has no main (Guild prints an empty `main:`).
      if (op.main) ctx.out.stdout(`  main: ${op.main}\n`);
      ctx.out.stdout(`  flags:${detailList(op.flags)}\n  details:${detailList(op.details)}\n`);
    });
  });
  configure(cmd, io);
}

function detailList(items: readonly string[]): string {
  return items.length ? `\n${items.map((item) => `    ${item}`).join("\n")}` : " -";
}

/** `--help-op`: the operation named in `args` (flags after it are ignored). */
export async function printOpHelp(args: readonly string[], ctx: Ctx): Promise<void> {
  const { isFlagArg } = await import("../core/flags/args.js");
  const { resolveOperation } = await import("../core/op/resolve.js");
  const { formatOpHelp } = await import("../core/op/op-help.js");
  const first = args[0];
  const op = resolveOperation(first !== undefined && !isFlagArg(first) ? first : undefined, ctx);
  ctx.out.stdout(formatOpHelp(op).map((l) => `${l}\n`).join(""));
}
