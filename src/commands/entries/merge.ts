// `guild merge`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../../cli.js";
import { runCommand } from "../run-command.js";
import { registerMergeCommand } from "../merge.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerMergeCommand, name, args, io);
}
