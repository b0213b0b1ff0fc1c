// `guild tag`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { runCommand } from "../run-command.js";
import { registerTagCommand } from "../tag.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerTagCommand, name, args, io);
}
