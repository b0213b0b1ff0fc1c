/** `guild completion`: shell completion scripts, and the candidates they ask for. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import type { Ctx } from "../core/context.js";
import type { CompletionSources } from "../core/completion.js";
import { fail } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { COMMANDS, findCommand } from "./registry.js";

const RUN_IDS_SHOWN = 100;

export function registerCompletionCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("completion")
    .summary("Generate command completion script.")
    .description(
      "Print a completion script for bash, zsh or fish: commands, options, the project's\n" +
        "operations and their flags, and run ids. For bash: eval \"$(guild completion)\".",
    )
    .option("-s, --shell <shell>", "Shell to generate the script for: bash (default), zsh or fish.")
    .option("--complete <index>", "Print the candidates for word INDEX of WORDS (used by the scripts).")
    .argument("[words...]", "the command line being completed (with --complete)")
    .allowUnknownOption();
  cmd.action(async (words: string[], o: { shell?: string; complete?: string }, self: Command) => {
    if (o.complete === undefined) {
      const { SHELLS, completionScript } = await import("../core/completion-scripts.js");
      const shell = o.shell ?? "bash";
      if (!(SHELLS as readonly string[]).includes(shell)) fail(`invalid value for '-s' / '--shell': '${shell}' is not one of bash, zsh, fish`);
      io.out.stdout(completionScript(shell as (typeof SHELLS)[number]));
      return;
    }
    const { completeWords } = await import("../core/completion.js");
    const ctx = contextFor(self, io, { createHome: false });
    for (const item of await completeWords(words, Number(o.complete), await sources(ctx))) io.out.stdout(`${item}\n`);
  });
  configure(cmd, io);
}

async function sources(ctx: Ctx): Promise<CompletionSources> {
  const { readdirSync } = await import("node:fs");
  const { projectOperations } = await import("../core/op/project-ops.js");
  const { resolveOperation } = await import("../core/op/resolve.js");
  const { filteredRunsView } = await import("../core/runs/list.js");
  return {
    commands: COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]),
    optionsFor: commandOptions,
    operations: () => [
      ...quietly(() => projectOperations(ctx.cwd, [], false).map((op) => op.fullname), []),
      ...quietly(() => readdirSync(ctx.cwd).filter((f) => f.endsWith(".py")), []),
    ],
    flagsFor: (opspec) => quietly(() => Object.keys(resolveOperation(opspec, ctx).flagDefs).sort(), []),
    runIds: () =>
      quietly(() => {
        const view = filteredRunsView({}, ctx);
        return view.slice(0, Math.min(view.length, RUN_IDS_SHOWN)).map((r) => r.id.slice(0, 8));
      }, []),
  };
}

/** A command's options, read from its own `--help` (so they are always the real ones). */
async function commandOptions(path: string): Promise<string[]> {
  const [name = "", ...sub] = path.split(" ");
  const entry = findCommand(name);
  if (!entry) return [];
  let text = "";
  const io: CliIo = { exitCode: 0, globals: {}, out: { stdout: (c) => void (text += String(c)), stderr: () => {} } };
  try {
    const { main } = await entry.load();
    await main(name, [...sub, "--help"], io);
  } catch {
    // commander ends --help by throwing; the text is already written.
  }
  return [...text.matchAll(/^ {2}(-[\w-]+)?(?:, )?(--[\w-]+)?/gm)].flatMap((m) => [m[1], m[2]]).filter((o): o is string => !!o);
}

function quietly<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
