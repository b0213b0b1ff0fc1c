/**
 * The commands `guild` knows, with what the top-level help shows of them.
 * A command's module (and commander with it) is loaded only when that
 * command runs, so `guild --help` and `guild --version` load neither.
 */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";

export interface CommandEntry {
  name: string;
  aliases?: readonly string[];
  summary: string;
  register(program: Command, io: CliIo): Promise<void>;
}

/** Listed in the top-level help in this order (alphabetical, as click does). */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "cat",
    summary: "Show contents of a run file.",
    register: async (program, io) => (await import("./cat.js")).registerCatCommand(program, io),
  },
  {
    name: "compare",
    summary: "Compare run results.",
    register: async (program, io) => (await import("./compare.js")).registerCompareCommand(program, io),
  },
  {
    name: "label",
    summary: "Set run labels.",
    register: async (program, io) => (await import("./runs-label.js")).registerLabelCommand(program, io),
  },
  {
    name: "ls",
    summary: "List run files.",
    register: async (program, io) => (await import("./ls.js")).registerLsCommand(program, io),
  },
  {
    name: "mark",
    summary: "Mark a run.",
    register: async (program, io) => (await import("./runs-mark.js")).registerMarkCommand(program, io),
  },
  {
    name: "operations",
    aliases: ["ops"],
    summary: "Show model operations.",
    register: async (program, io) => (await import("./operations.js")).registerOperationsCommand(program, io),
  },
  {
    name: "run",
    summary: "Run an operation.",
    register: async (program, io) => (await import("./run.js")).registerRunCommand(program, io),
  },
  {
    name: "runs",
    summary: "Show or manage runs.",
    register: async (program, io) => (await import("./runs.js")).registerRunsCommands(program, io),
  },
  {
    name: "stop",
    summary: "Stop one or more runs.",
    register: async (program, io) => (await import("./runs-stop.js")).registerStopCommand(program, io),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
