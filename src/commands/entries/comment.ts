// `guild comment`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../cli-io.js";
import { registerCommentCommand } from "../comment.js";
import { runCommand } from "../run-command.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerCommentCommand, name, args, io);
}
