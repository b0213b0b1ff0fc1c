/**
 * What Guild AI 0.9.1 printed, recorded in fixtures/guild-outputs/*.txt as
 * transcripts: `$ guild ARGS`, its output (stdout and stderr as a terminal
 * shows them), then `<exit N>`. Each file says how it was recorded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./guild-cli.js";

export interface RecordedCommand {
  args: string[];
  output: string;
}

export function recordedCommands(file: string): RecordedCommand[] {
  const text = readFileSync(join(REPO_ROOT, "fixtures", "guild-outputs", file), "utf8");
  const commands: RecordedCommand[] = [];
  for (const block of text.split(/^(?=\$ guild)/m)) {
    const [first = "", ...rest] = block.split("\n");
    if (!first.startsWith("$ guild")) continue;
    commands.push({ args: first.slice("$ guild".length).trim().split(/\s+/).filter(Boolean), output: rest.join("\n") });
  }
  return commands;
}
