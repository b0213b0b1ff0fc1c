// `guild operations`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { runCommand } from "../run-command.js";
import { registerOperationsCommand } from "../operations.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerOperationsCommand, name, args, io);
}
