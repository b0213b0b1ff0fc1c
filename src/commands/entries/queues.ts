// `guild queues`: its own bundle for the bin (see scripts/bundle.mjs); the
// only command besides `run` that loads BullMQ.
import type { CliIo } from "../../cli.js";
import { runCommand } from "../run-command.js";
import { registerQueuesCommand } from "../queues.js";

export function main(name: string, args: readonly string[], io: CliIo): Promise<void> {
  return runCommand(registerQueuesCommand, name, args, io);
}
