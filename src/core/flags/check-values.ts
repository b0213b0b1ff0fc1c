/**
 * Guild's checks of coerced flag values against their defs (§4.4), in its
 * order: choices, existing paths and min/max for every flag (list items one
 * by one, flag functions skipped), then required flags. Also the choice
 * side effects: an alias stands for its value, and a choice's `flags` are
 * set unless the user gave them.
 */
import { existsSync } from "node:fs";
import { fail, failPlain } from "../errors.js";
import type { FlagChoice, FlagDef } from "../guildfile/types.js";
import { msg } from "../messages.js";
import { encodeFlagValue } from "./encode.js";
import { parseFlagFunction } from "./decode.js";
import { isFlagFunction } from "./flag-function.js";
import { pyEquals, pyLessThan, pyTruthy } from "./py-compare.js";
import { pythonStr } from "./py-repr.js";
import { isNumeric, ownValue, type FlagMap, type FlagValue } from "./value.js";

export function checkFlagValues(flags: FlagMap, defs: Record<string, FlagDef>): void {
  for (const def of Object.values(defs)) checkValue(flags[def.name] ?? null, def);
}

function checkValue(value: FlagValue, def: FlagDef): void {
  if (Array.isArray(value)) {
    for (const item of value) checkValue(item, def);
    return;
  }
  if (isFlagFunction(value)) return checkSearchRange(value as string, def);
  checkChoice(value, def);
  checkExistingPath(value, def);
  checkRange(value, def);
}

/**
 * A range (`[a:b]`, `uniform[a:b:c]`, `loguniform[a:b]`) must stay inside
 * the flag's min/max, and an int flag's range must have int bounds: every
 * value a search draws would otherwise be refused as a plain value (Guild
 * checks nothing here). Bounds that are not numbers are refused with the
 * search space (batch/search-space.ts), also for flags without a def.
 */
function checkSearchRange(text: string, def: FlagDef): void {
  const fn = parseFlagFunction(text);
  if (!fn || !["uniform", "loguniform", null].includes(fn.name)) return;
  const bounds = fn.args.filter(isNumeric);
  if (def.type === "int" && bounds.some((b) => typeof b !== "number")) {
    fail(msg.invalidFlagValue(text, def.name, "an int flag's range must have int bounds"));
  }
  for (const bound of bounds) checkRange(bound, def, text);
}

function checkChoice(value: FlagValue, def: FlagDef): void {
  // Guild lets any false-ish value (null, 0, '', no) through.
  if (!pyTruthy(value) || def.allowOther || !def.choices?.length) return;
  if (choiceFor(value, def.choices)) return;
  failPlain(msg.unsupportedChoice(def.name, def.choices.map((c) => [encodeFlagValue(c.value), c.description ?? ""])));
}

function checkExistingPath(value: FlagValue, def: FlagDef): void {
  if (def.type !== "existing-path" || typeof value !== "string" || !value) return;
  if (!existsSync(value)) fail(msg.invalidFlagValue(value, def.name, `${value} does not exist`));
}

/** `shown` is the value as the message names it (a whole range for its bounds). */
function checkRange(value: FlagValue, def: FlagDef, shown = pythonStr(value)): void {
  if (value === null) return;
  if (def.min !== undefined && def.min !== null && pyLessThan(value, def.min)) {
    fail(msg.invalidFlagValue(shown, def.name, `out of range (less than min ${pythonStr(def.min)})`));
  }
  if (def.max !== undefined && def.max !== null && pyLessThan(def.max, value)) {
    fail(msg.invalidFlagValue(shown, def.name, `out of range (greater than max ${pythonStr(def.max)})`));
  }
}

export function checkRequiredFlags(flags: FlagMap, defs: Record<string, FlagDef>): void {
  const missing = Object.values(defs).filter((d) => d.required && isMissing(flags[d.name]));
  if (missing.length) failPlain(msg.missingRequiredFlags(missing.map((d) => [d.name, d.description ?? ""])));
}

function isMissing(value: FlagValue | undefined): boolean {
  return value === undefined || value === null || value === "";
}

/** The choice a value selects, by value or alias. */
export function choiceFor(value: FlagValue, choices: readonly FlagChoice[]): FlagChoice | undefined {
  return choices.find((c) => (c.alias !== undefined && c.alias !== null && pyEquals(c.alias, value)) || pyEquals(c.value, value));
}

/** Aliases given by the user replaced by their choice's value (list items too). */
export function applyChoiceAliases(flags: FlagMap, defs: Record<string, FlagDef>): void {
  for (const [name, value] of Object.entries(flags)) {
    const choices = ownValue(defs, name)?.choices?.filter((c) => c.alias !== undefined && c.alias !== null);
    if (!choices?.length) continue;
    const unalias = (v: FlagValue) => choices.find((c) => pyEquals(c.alias, v))?.value ?? v;
    flags[name] = Array.isArray(value) ? value.map(unalias) : unalias(value);
  }
}

/** A selected choice's `flags` are set, except those the user gave. */
export function applyChoiceFlags(flags: FlagMap, userFlags: FlagMap, defs: Record<string, FlagDef>): void {
  for (const def of Object.values(defs)) {
    const value = flags[def.name] ?? null;
    if (value === null || Array.isArray(value) || !def.choices) continue;
    const choice = choiceFor(value, def.choices);
    for (const [name, v] of Object.entries(choice?.flags ?? {})) {
      if ((ownValue(userFlags, name) ?? null) === null) flags[name] = v;
    }
  }
}
