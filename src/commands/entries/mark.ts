// `guild mark`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { runCommand } from "../run-command.js";
import { registerMarkCommand } from "../runs-mark.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerMarkCommand, name, args, io);
}
