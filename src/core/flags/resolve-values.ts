/**
 * The flag values of a new run: the operation's defaults overlaid with the
 * user's `NAME=VALUE` arguments, decoded, checked against the flag defs and
 * coerced to their types.
 */
import { fail, failPlain } from "../errors.js";
import type { FlagDef } from "../guildfile/types.js";
import { msg } from "../messages.js";
import { coerceFlagValue } from "./coerce.js";
import { decodeFlagValue } from "./decode.js";
import { rangeProblem } from "./range.js";
import { encodeFlagValue } from "./encode.js";
import type { FlagMap, FlagValue } from "./value.js";

export interface FlagValuesRequest {
  flagDefs: Record<string, FlagDef>;
  assigns: readonly [string, string][];
  forceFlags: boolean;
  /** For the `--help-op` hint in the unsupported-flag message. */
  opspec: string;
  warn: (line: string) => void;
}

export interface ResolvedFlagValues {
  flags: FlagMap;
  userFlags: FlagMap;
}

export function resolveFlagValues(req: FlagValuesRequest): ResolvedFlagValues {
  const userFlags = decodeUserFlags(req);
  const flags: FlagMap = {};
  for (const [name, def] of Object.entries(req.flagDefs)) flags[name] = def.default ?? null;
  Object.assign(flags, userFlags);
  if (!req.forceFlags) {
    applyChoiceFlags(flags, userFlags, req.flagDefs);
    checkRequired(flags, req.flagDefs);
  }
  return { flags, userFlags };
}

function decodeUserFlags(req: FlagValuesRequest): FlagMap {
  const user: FlagMap = {};
  for (const [name, raw] of req.assigns) {
    const def = req.flagDefs[name];
    if (!def && !req.forceFlags) fail(msg.unsupportedFlag(name, req.opspec));
    const decoded = decodeFlagValue(raw, def?.type);
    for (const w of decoded.warnings) req.warn(`WARNING: ${w}`);
    user[name] = req.forceFlags ? decoded.value : checkValue(name, raw, decoded.value, def);
  }
  return user;
}

function checkValue(name: string, raw: string, value: FlagValue, def: FlagDef | undefined): FlagValue {
  const coerced = coerceFlagValue(value, def);
  if (!coerced.ok) fail(msg.invalidFlagValue(raw, name, coerced.why));
  const outOfRange = rangeProblem(coerced.value, def);
  if (outOfRange) fail(msg.invalidFlagValue(raw, name, outOfRange));
  if (def?.choices && !def.allowOther) return checkChoice(name, coerced.value, def);
  return coerced.value;
}

function sameValue(a: FlagValue | undefined, b: FlagValue): boolean {
  return a !== undefined && encodeFlagValue(a) === encodeFlagValue(b);
}

function checkChoice(name: string, value: FlagValue, def: FlagDef): FlagValue {
  const choices = def.choices ?? [];
  const values = Array.isArray(value) ? value : [value];
  const mapped = values.map((v) => {
    const choice = choices.find((c) => sameValue(c.value, v) || sameValue(c.alias, v));
    if (!choice) failPlain(unsupportedChoiceText(name, def));
    return choice.value;
  });
  return Array.isArray(value) ? mapped : (mapped[0] ?? null);
}

function unsupportedChoiceText(name: string, def: FlagDef): string {
  const rows = (def.choices ?? []).map((c) => [encodeFlagValue(c.alias ?? c.value), c.description ?? ""] as const);
  return [
    `Unsupported value for '${name}' - supported values are:`,
    "",
    ...formatRows(rows),
    "",
    "Run the command again using one of these options.",
  ].join("\n");
}

/** A choice with `flags:` sets those flags unless the user gave them. */
function applyChoiceFlags(flags: FlagMap, user: FlagMap, defs: Record<string, FlagDef>): void {
  for (const [name, def] of Object.entries(defs)) {
    const choice = def.choices?.find((c) => c.flags && sameValue(c.value, flags[name] ?? null));
    for (const [k, v] of Object.entries(choice?.flags ?? {})) {
      if (!(k in user)) flags[k] = v;
    }
  }
}

function checkRequired(flags: FlagMap, defs: Record<string, FlagDef>): void {
  const missing = Object.values(defs).filter((d) => d.required && (flags[d.name] === null || flags[d.name] === ""));
  if (!missing.length) return;
  failPlain(
    [
      "Operation requires the following missing flags:",
      "",
      ...formatRows(missing.map((d) => [d.name, d.description ?? ""] as const)),
      "",
      "Run the command again with these flags specified as NAME=VAL.",
    ].join("\n"),
  );
}

function formatRows(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => (b ? `  ${a.padEnd(width)}  ${b}` : `  ${a}`));
}
