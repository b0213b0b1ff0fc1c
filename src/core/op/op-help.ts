/**
 * `guild run OP --help-op`: usage, the operation's description, and its
 * flags with defaults, `(required)` or null labels, and choices, laid out as
 * click's help formatter lays out definition lists.
 */
import { encodeFlagValue } from "../flags/encode.js";
import type { FlagDef } from "../guildfile/types.js";
import type { Operation } from "./operation.js";

export function formatOpHelp(op: Operation): string[] {
  const lines = [`Usage: guild run [OPTIONS] ${op.opDesc} [FLAG]...`, ""];
  const description = op.opdef?.description?.trim();
  if (description) lines.push(...description.split("\n").flatMap((l, i) => (i ? ["", `  ${l}`] : [`  ${l}`])), "");
  lines.push("  Use 'guild run --help' for a list of options.");
  const flags = Object.keys(op.flagDefs)
    .sort()
    .map((name) => op.flagDefs[name] as FlagDef);
  if (flags.length) lines.push("", "Flags:", ...flagLines(flags));
  return lines;
}

export function flagLines(flags: readonly FlagDef[]): string[] {
  const width = Math.max(...flags.map((f) => f.name.length));
  const indent = " ".repeat(2 + width + 2);
  const lines: string[] = [];
  flags.forEach((flag, i) => {
    const [first = "", ...more] = flagDescription(flag);
    lines.push(`  ${flag.name.padEnd(width)}  ${first}`.trimEnd());
    for (const line of more) lines.push(line ? `${indent}${line}` : "");
    // A flag shown on several lines is set off from the next one.
    if (more.length && i < flags.length - 1) lines.push("");
  });
  return lines;
}

/** The description column: first line with its default, then choices. */
export function flagDescription(flag: FlagDef): string[] {
  const [first = "", ...rest] = (flag.description ?? "").split("\n");
  const suffix = defaultSuffix(flag);
  const lines = [[first, suffix].filter(Boolean).join(" "), ...rest.flatMap((l) => ["", l])];
  const choices = flag.choices ?? [];
  if (!choices.length) return lines;
  lines.push("");
  if (choices.some((c) => c.description)) {
    const shown = choices.map((c) => encodeFlagValue(c.alias ?? c.value));
    const w = Math.max(...shown.map((s) => s.length));
    lines.push("Choices:");
    choices.forEach((c, i) => lines.push(`  ${(shown[i] ?? "").padEnd(w)}  ${(c.description ?? "").trim()}`.trimEnd()));
  } else {
    lines.push(`Choices:  ${choices.map((c) => encodeFlagValue(c.alias ?? c.value)).join(", ")}`);
  }
  return lines;
}

function defaultSuffix(flag: FlagDef): string {
  if (flag.default !== undefined && flag.default !== null) return `(default is ${encodeFlagValue(flag.default)})`;
  if (flag.required) return "(required)";
  if (flag.nullLabel) return `(default is ${flag.nullLabel})`;
  return "";
}
