// `guild open`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { registerOpenCommand } from "../open.js";
import { runCommand } from "../run-command.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerOpenCommand, name, args, io);
}
