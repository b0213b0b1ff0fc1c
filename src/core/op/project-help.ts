/**
 * `guild help`: the project's operations and their flags, laid out as
 * Guild's help for a project: an overview, then BASE OPERATIONS (the
 * operations of a guild.yml without named models) and MODELS (each named
 * model's operations), each operation with its description and flags,
 * imported ones included.
 */
import type { Ctx } from "../context.js";
import type { FlagDef, ModelDef, OpDef } from "../guildfile/types.js";
import { readGuildfile } from "../guildfile/read.js";
import { fail } from "../errors.js";
import { flagDescription } from "./op-help.js";
import { failGuildfileInvalid, resolveOperation } from "./resolve.js";

const OVERVIEW = [
  "OVERVIEW",
  "",
  "    Operations defined in the guild.yml of the current directory.",
  "",
  "    Run one with 'guild run OPERATION' (MODEL:OPERATION for an operation of a",
  "    named model) and set its flags with FLAG=VALUE arguments; the flags each",
  "    operation takes are listed below. 'guild operations' lists the",
  "    operations and 'guild run --help' the run options.",
  "",
];

export function projectHelp(ctx: Ctx): string[] {
  const read = readGuildfile(ctx.cwd);
  if (read.kind === "missing") fail(`there is no guild.yml in ${ctx.cwd}\nTry 'guild help --help' for more information.`);
  if (read.kind === "invalid") failGuildfileInvalid(read.path, read.errors, "in the current directory");
  const gf = read.guildfile;
  const flagsFor = (model: ModelDef, op: OpDef) => opFlags(model, op, ctx);
  const base = gf.models.filter((m) => !m.name);
  const named = gf.models.filter((m) => m.name && !m.name.startsWith("_")).sort((a, b) => cmp(a.name, b.name));
  const lines = [...OVERVIEW];
  if (base.length) lines.push("BASE OPERATIONS", "", ...base.flatMap((m) => visibleOps(m).flatMap((op) => opLines(op, flagsFor(m, op), 4))));
  if (named.length) lines.push("MODELS", "", ...named.flatMap((m) => modelLines(m, flagsFor)));
  return lines;
}

function modelLines(model: ModelDef, flagsFor: (m: ModelDef, op: OpDef) => FlagDef[]): string[] {
  const lines = [`    ${model.name}`, ""];
  if (model.description) lines.push(...model.description.trim().split("\n").map((l) => `      ${l}`), "");
  lines.push("      Operations:", "", ...visibleOps(model).flatMap((op) => opLines(op, flagsFor(model, op), 8)), "");
  return lines;
}

/** An operation: its name, description, then its flags; a blank line after. */
function opLines(op: OpDef, flags: readonly FlagDef[], indent: number): string[] {
  const pad = " ".repeat(indent);
  const lines = [`${pad}${op.name}`];
  const description = op.description?.trim();
  if (description) lines.push(...description.split("\n").map((l) => `${pad}  ${l}`));
  if (flags.length) {
    if (description) lines.push("");
    lines.push(`${pad}  Flags:`, ...flagBlock(flags, `${pad}    `));
  }
  lines.push("");
  return lines;
}

/** Name column, then the description; a flag shown on several lines is followed by a blank line. */
function flagBlock(flags: readonly FlagDef[], pad: string): string[] {
  const width = Math.max(...flags.map((f) => f.name.length));
  const lines: string[] = [];
  for (const flag of flags) {
    const [first = "", ...more] = flagDescription(flag);
    lines.push(`${pad}${flag.name.padEnd(width)}  ${first}`.trimEnd());
    for (const line of more) lines.push(line ? `${pad}${" ".repeat(width + 2)}${line}` : "");
    if (more.length) lines.push("");
  }
  return lines;
}

function opFlags(model: ModelDef, op: OpDef, ctx: Ctx): FlagDef[] {
  const spec = model.name ? `${model.name}:${op.name}` : op.name;
  const { flagDefs } = resolveOperation(spec, ctx);
  return Object.keys(flagDefs)
    .sort(cmp)
    .map((name) => flagDefs[name] as FlagDef);
}

function visibleOps(model: ModelDef): OpDef[] {
  return model.operations.filter((o) => !o.name.startsWith("_")).sort((a, b) => cmp(a.name, b.name));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
