// `guild export`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../../cli.js";
import { runCommand } from "../run-command.js";
import { registerExportCommand } from "../export.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerExportCommand, name, args, io);
}
