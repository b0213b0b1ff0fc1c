/**
 * The commander program: global options and the command groups. Each
 * command module only parses, calls the core and prints.
 */
import { Command } from "commander";
import type { CliIo } from "./cli.js";
import { VERSION } from "./core/package-info.js";
import { registerRunCommand } from "./commands/run.js";
import { registerRunsCommands } from "./commands/runs.js";
import { registerLabelCommand } from "./commands/runs-label.js";
import { registerMarkCommand } from "./commands/runs-mark.js";
import { registerStopCommand } from "./commands/runs-stop.js";
import { registerOperationsCommand } from "./commands/operations.js";
import { usageErrorMessage } from "./commands/usage-errors.js";

export interface GlobalOptions {
  home?: string;
  cwd?: string;
}

export function createProgram(io: CliIo): Command {
  const program = new Command("guild");
  program
    .description("Guild AI: track, stage and queue experiment runs")
    .usage("[OPTIONS] COMMAND [ARGS]...")
    .version(`guild ${VERSION}`, "--version", "Show the version and exit.")
    .option("-H <path>", "Use PATH as Guild home (default is GUILD_HOME or ~/.guild)")
    .option("-C <path>", "Use PATH as current directory for the command")
    .helpOption("-h, --help", "Show this message and exit.")
    .helpCommand(false)
    // Global options go before the command, as with click: `guild runs -C`
    // is --completed, not the global -C PATH.
    .enablePositionalOptions()
    .configureHelp({ subcommandTerm: (cmd) => cmd.name() })
    .showSuggestionAfterError(true);
  configure(program, io);
  registerRunCommand(program, io);
  registerRunsCommands(program, io);
  // Guild's top-level aliases of runs subcommands.
  registerLabelCommand(program, io);
  registerMarkCommand(program, io);
  registerStopCommand(program, io);
  registerOperationsCommand(program, io);
  return program;
}

/** Applies our output, error wording and exit handling to a command and its subcommands. */
export function configure(cmd: Command, io: CliIo): Command {
  cmd
    .configureOutput({
      writeOut: (s) => io.out.stdout(s),
      writeErr: (s) => io.out.stderr(s),
      outputError: () => {},
    })
    .exitOverride((err) => {
      throw Object.assign(err, { message: usageErrorMessage(err, cmd) });
    });
  return cmd;
}

export function globalOptionsFor(cmd: Command): GlobalOptions {
  const opts = cmd.optsWithGlobals() as { H?: string; C?: string };
  return { home: opts.H, cwd: opts.C };
}
