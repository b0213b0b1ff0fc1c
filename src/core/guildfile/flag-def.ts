/**
 * One entry under an operation's `flags:`: either a bare default value or a
 * mapping of flag attributes (guildfile.FlagDef in Guild).
 */
import type { FlagValue } from "../flags/value.js";
import { isFlagMap } from "../flags/value.js";
import type { FlagChoice, FlagDef } from "./types.js";

const FLAG_TYPES = ["string", "int", "float", "number", "boolean", "path", "existing-path", "auto"];

const KNOWN_KEYS = new Set([
  "default", "description", "type", "required", "choices", "allow-other", "arg-name",
  "arg-skip", "arg-switch", "env-name", "null-label", "min", "max", "distribution",
]);

export function parseFlagDef(name: string, data: FlagValue, where: string, errors: string[]): FlagDef | undefined {
  if (!isFlagMap(data)) return { name, default: data };
  const def: FlagDef = { name };
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) errors.push(`${where}: unknown flag attribute '${key}'`);
  }
  if ("default" in data) def.default = data.default;
  if (data.description != null) def.description = String(data.description);
  if (data.type != null) {
    if (typeof data.type !== "string" || !FLAG_TYPES.includes(data.type)) {
      errors.push(`${where}.type: expected one of ${FLAG_TYPES.join(", ")}, got ${String(data.type)}`);
    } else def.type = data.type;
  }
  if (data.required != null) def.required = data.required === true;
  if (data["allow-other"] != null) def.allowOther = data["allow-other"] === true;
  if (data["arg-name"] != null) def.argName = String(data["arg-name"]);
  if (data["arg-skip"] != null) def.argSkip = data["arg-skip"] === true;
  if ("arg-switch" in data) def.argSwitch = data["arg-switch"];
  if (data["env-name"] != null) def.envName = String(data["env-name"]);
  if (data["null-label"] != null) def.nullLabel = String(data["null-label"]);
  if ("min" in data) def.min = data.min;
  if ("max" in data) def.max = data.max;
  if (data.distribution != null) def.distribution = String(data.distribution);
  if (data.choices != null) def.choices = parseChoices(data.choices, `${where}.choices`, errors);
  return def;
}

function parseChoices(data: FlagValue, where: string, errors: string[]): FlagChoice[] | undefined {
  if (!Array.isArray(data)) {
    errors.push(`${where}: expected a list, got ${JSON.stringify(data)}`);
    return undefined;
  }
  return data.map((item) => {
    if (!isFlagMap(item)) return { value: item };
    const choice: FlagChoice = { value: item.value ?? null };
    if (item.description != null) choice.description = String(item.description);
    if ("alias" in item) choice.alias = item.alias;
    if (isFlagMap(item.flags)) choice.flags = item.flags;
    return choice;
  });
}
