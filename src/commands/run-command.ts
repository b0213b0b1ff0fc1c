/** Runs one command: a fresh commander root with just that command on it. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { createProgram } from "../program.js";

export type Register = (program: Command, io: CliIo) => void;

export async function runCommand(register: Register, name: string, args: readonly string[], io: CliIo): Promise<void> {
  io.args = args;
  const program = createProgram(io);
  register(program, io);
  await program.parseAsync([name, ...args], { from: "user" });
}
