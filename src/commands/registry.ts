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
    name: "check",
    summary: "Check the Guild setup.",
    load: () => import("./entries/check.js"),
  },
  {
    name: "comment",
    summary: "Add or remove run comments.",
    load: () => import("./entries/comment.js"),
  },
  {
    name: "compare",
    summary: "Compare run results.",
    load: () => import("./entries/compare.js"),
  },
  {
    name: "completion",
    summary: "Generate command completion script.",
    load: () => import("./entries/completion.js"),
  },
  {
    name: "diff",
    summary: "Diff two runs.",
    load: () => import("./entries/diff.js"),
  },
  {
    name: "export",
    summary: "Export one or more runs.",
    load: () => import("./entries/export.js"),
  },
  {
    name: "help",
    summary: "Show help for the project's operations.",
    load: () => import("./entries/help.js"),
  },
  {
    name: "import",
    summary: "Import one or more runs from an archive.",
    load: () => import("./entries/import.js"),
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
    name: "merge",
    summary: "Copy run files to a project directory.",
    load: () => import("./entries/merge.js"),
  },
  {
    name: "models",
    summary: "Show available models.",
    load: () => import("./entries/models.js"),
  },
  {
    name: "open",
    summary: "Open a run path or output.",
    load: () => import("./entries/open.js"),
  },
  {
    name: "operations",
    aliases: ["ops"],
    summary: "Show model operations.",
    load: () => import("./entries/operations.js"),
  },
  {
    name: "queues",
    summary: "Show queue workers and jobs of a broker.",
    load: () => import("./entries/queues.js"),
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
    name: "select",
    summary: "Select a run and show its ID.",
    load: () => import("./entries/select.js"),
  },
  {
    name: "stop",
    summary: "Stop one or more runs.",
    load: () => import("./entries/stop.js"),
  },
  {
    name: "tag",
    summary: "Add or remove run tags.",
    load: () => import("./entries/tag.js"),
  },
  {
    name: "tensorboard",
    summary: "Visualize runs with TensorBoard.",
    load: () => import("./entries/tensorboard.js"),
  },
  { name: "view", summary: "Visualize runs in a local web application.", load: () => import("./entries/view.js") },
  {
    name: "watch",
    summary: "Watch run output.",
    load: () => import("./entries/watch.js"),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
