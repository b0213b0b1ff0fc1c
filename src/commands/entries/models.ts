// `guild models`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { registerModelsCommand } from "../models.js";
import { runCommand } from "../run-command.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerModelsCommand, name, args, io);
}
