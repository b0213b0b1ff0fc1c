// `guild tensorboard`: its own bundle for the bin (see scripts/bundle.mjs).
import type { CliIo } from "../../cli.js";
import { runCommand } from "../run-command.js";
import { registerTensorboardCommand } from "../tensorboard.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerTensorboardCommand, name, args, io);
}
