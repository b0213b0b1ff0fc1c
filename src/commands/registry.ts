/**
 * The commands `guild` knows, with what the top-level help shows of them.
 * A command's module (and commander with it) is loaded only when that
 * command runs, so `guild --help` and `guild --version` load neither.
 * In the bin each entry is one self-contained bundle, so a command loads
 * two files (cli.js and its own), not dozens of shared chunks.
 */
import type { CliIo } from "./cli-io.js";

export type CommandMain = (name: string, args: readonly string[], io: CliIo) => Promise<void>;

export interface CommandEntry {
  name: string;
  aliases?: readonly string[];
  summary: string;
  /** The command's entry module: one bundle per command in the bin. */
  load(): Promise<{ main: CommandMain }>;
}

/** Listed in the top-level help in this order (alphabetical, as click does). */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "cat",
    summary: "Show contents of a run file.",
    load: () => import("./entries/cat.js"),
  },
  {
    name: "compare",
    summary: "Compare run results.",
    load: () => import("./entries/compare.js"),
  },
  {
    name: "label",
    summary: "Set run labels.",
    load: () => import("./entries/label.js"),
  },
  {
    name: "ls",
    summary: "List run files.",
    load: () => import("./entries/ls.js"),
  },
  {
    name: "mark",
    summary: "Mark a run.",
    load: () => import("./entries/mark.js"),
  },
  {
    name: "operations",
    aliases: ["ops"],
    summary: "Show model operations.",
    load: () => import("./entries/operations.js"),
  },
  {
    name: "run",
    summary: "Run an operation.",
    load: () => import("./entries/run.js"),
  },
  {
    name: "runs",
    summary: "Show or manage runs.",
    load: () => import("./entries/runs.js"),
  },
  {
    name: "stop",
    summary: "Stop one or more runs.",
    load: () => import("./entries/stop.js"),
  },
  { name: "view", summary: "Visualize runs in a local web application.", load: () => import("./entries/view.js") },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
