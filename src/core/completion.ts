/**
 * Shell completion (pure): what can come at position `index` of a `guild`
 * command line: command names, a command's options, for `run` the
 * project's operations and then `FLAG=` names of the chosen operation, and
 * for commands that take runs the stored run ids. The shells' scripts
 * (completion-scripts.ts) ask `guild completion --complete` for these.
 */

export interface CompletionSources {
  commands: readonly string[];
  /** Long and short options of a command (`runs` subcommands as `runs info`). */
  optionsFor(command: string): Promise<readonly string[]>;
  operations(): readonly string[];
  flagsFor(opspec: string): readonly string[];
  runIds(): readonly string[];
}

/** Commands whose arguments are runs. */
const RUN_ARGS = new Set(["cat", "comment", "label", "ls", "mark", "open", "select", "stop", "tag", "watch", "runs info", "runs rm", "runs delete", "runs label", "runs mark", "runs stop", "runs tag", "runs comment", "runs purge", "runs restore"]);

const RUNS_SUBCOMMANDS = ["comment", "delete", "info", "label", "list", "mark", "purge", "restore", "rm", "stop", "tag"];

export async function completeWords(words: readonly string[], index: number, src: CompletionSources): Promise<string[]> {
  const current = words[index] ?? "";
  const before = withoutGlobalValues(words.slice(1, index));
  const matching = (items: readonly string[]) => [...new Set(items)].filter((i) => i.startsWith(current));
  const command = before.find((w) => !w.startsWith("-"));
  if (command === undefined) return matching(current.startsWith("-") ? ["--help", "--version", "-C", "-H"] : src.commands);
  const args = before.slice(before.indexOf(command) + 1);
  const sub = command === "runs" ? args.find((w) => !w.startsWith("-")) : undefined;
  const path = sub !== undefined ? `runs ${sub}` : command;
  if (current.startsWith("-")) return matching(await src.optionsFor(path));
  if (command === "runs" && sub === undefined) return matching(RUNS_SUBCOMMANDS);
  if (command === "run") {
    const opspec = args.find((w) => !w.startsWith("-") && !w.includes("="));
    return opspec === undefined ? matching(src.operations()) : matching(src.flagsFor(opspec).map((f) => `${f}=`));
  }
  if (RUN_ARGS.has(path)) return matching(src.runIds());
  return [];
}

/** `-H PATH` and `-C PATH` take the next word: it is no command. */
function withoutGlobalValues(words: readonly string[]): string[] {
  return words.filter((w, i) => !(i > 0 && (words[i - 1] === "-H" || words[i - 1] === "-C")));
}
