// `guild completion`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../../cli.js";
import { registerCompletionCommand } from "../completion.js";
import { runCommand } from "../run-command.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerCompletionCommand, name, args, io);
}
