/** `guild --help`: written from the command table, without commander. */
import { COMMANDS } from "./registry.js";

const OPTIONS: [string, string][] = [
  ["--version", "Show the version and exit."],
  ["-C PATH", "Use PATH as current directory for a command."],
  ["-H PATH", "Use PATH as Guild home (default is GUILD_HOME or ~/.guild)."],
  ["-h, --help", "Show this message and exit."],
];

export function rootHelp(): string {
  const commands = COMMANDS.map((c) => [c.name, c.summary] as [string, string]);
  return [
    "Usage: guild [OPTIONS] COMMAND [ARGS]...",
    "",
    "  Guild AI command line interface: run, stage and queue experiment runs.",
    "",
    "Options:",
    ...table(OPTIONS),
    "",
    "Commands:",
    ...table(commands),
    "",
  ].join("\n");
}

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`);
}
