/**
 * The commander root for one command: `src/cli.ts` registers only the
 * command being run. `configure` gives every command our output and click's
 * usage-error wording.
 */
import { Command } from "commander";
import type { CliIo } from "./commands/cli-io.js";
import { usageErrorMessage } from "./commands/usage-errors.js";

export function createProgram(io: CliIo): Command {
  const program = new Command("guild");
  program.helpOption("-h, --help", "Show this message and exit.").helpCommand(false).enablePositionalOptions();
  return configure(program, io);
}

/** Applies our output, error wording and exit handling to a command. */
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
  if (cmd.parent) cmd.helpOption("-h, --help", "Show this message and exit.");
  return cmd;
}
