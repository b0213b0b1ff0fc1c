// `guild help`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../../cli.js";
import { registerHelpCommand } from "../help.js";
import { runCommand } from "../run-command.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerHelpCommand, name, args, io);
}
