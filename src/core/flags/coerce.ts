/**
 * Coercing a decoded flag value to its flag's declared type (§4.4). Lists are
 * coerced element-wise; flag-function strings (`[1:10]`) are left alone.
 */
import type { FlagDef } from "../guildfile/types.js";
import { isFlagFunction } from "./decode.js";
import { float, isFloat, isNumeric, numericValue, type FlagValue } from "./value.js";

export type Coerced = { ok: true; value: FlagValue } | { ok: false; why: string };

export function coerceFlagValue(value: FlagValue, def: FlagDef | undefined): Coerced {
  const type = def?.type;
  if (!type || type === "auto" || value === null) return { ok: true, value };
  if (Array.isArray(value)) return coerceList(value, def);
  if (typeof value === "string" && isFlagFunction(value)) return { ok: true, value };
  const coerced = coerceScalar(value, type);
  return coerced === undefined ? { ok: false, why: `invalid value for type '${type}'` } : { ok: true, value: coerced };
}

function coerceList(values: FlagValue[], def: FlagDef): Coerced {
  const out: FlagValue[] = [];
  for (const item of values) {
    const c = coerceFlagValue(item, def);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return { ok: true, value: out };
}

function coerceScalar(value: FlagValue, type: string): FlagValue | undefined {
  switch (type) {
    case "string":
    case "path":
    case "existing-path":
      return typeof value === "string" ? value : undefined;
    case "int":
      return typeof value === "number" ? value : parseIntText(value);
    case "float":
      if (isNumeric(value)) return float(numericValue(value));
      return parseFloatText(value);
    case "number":
      if (isNumeric(value)) return value;
      return parseIntText(value) ?? parseFloatText(value);
    case "boolean":
      return typeof value === "boolean" ? value : isNumeric(value) ? numericValue(value) !== 0 : undefined;
    default:
      return value;
  }
}

function parseIntText(value: FlagValue): number | undefined {
  if (typeof value !== "string" || !/^[-+]?\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}

function parseFloatText(value: FlagValue): FlagValue | undefined {
  if (isFloat(value)) return value;
  if (typeof value !== "string") return undefined;
  const n = Number(value.trim());
  return value.trim() !== "" && !Number.isNaN(n) ? float(n) : undefined;
}
