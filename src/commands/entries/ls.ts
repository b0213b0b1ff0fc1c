// `guild ls`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { runCommand } from "../run-command.js";
import { registerLsCommand } from "../ls.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerLsCommand, name, args, io);
}
