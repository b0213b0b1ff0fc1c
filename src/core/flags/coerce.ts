/**
 * Coercing a flag value to its flag's declared type (§4.4), with Python's
 * conversions as Guild applies them: `int(x)` (a float is refused), `float(x)`,
 * `str(x)`, `bool(x)` (truthiness, so it never fails), `number` keeps ints
 * and floats, paths are made absolute. Lists are coerced element-wise;
 * flag-function strings (`[1:10]`) are left alone.
 */
import { isAbsolute, join, resolve } from "node:path";
import type { FlagDef } from "../guildfile/types.js";
import { isFlagFunction } from "./flag-function.js";
import { pyNumber, pyTruthy } from "./py-compare.js";
import { pythonStr } from "./py-repr.js";
import { float, isFloat, type FlagValue } from "./value.js";

export type Coerced = { ok: true; value: FlagValue } | { ok: false; why: string };

export interface CoerceEnv {
  /** Relative paths are made absolute against this directory. */
  cwd: string;
  /** For `~` in paths. */
  homeDir?: string;
}

export function coerceFlagValue(value: FlagValue, def: FlagDef | undefined, env: CoerceEnv): Coerced {
  const type = def?.type;
  if (!type || type === "auto" || value === null || isFlagFunction(value)) return { ok: true, value };
  if (Array.isArray(value)) return coerceList(value, def, env);
  const coerced = coerceScalar(value, type, env);
  return coerced === undefined ? { ok: false, why: `invalid value for type '${type}'` } : { ok: true, value: coerced };
}

function coerceList(values: FlagValue[], def: FlagDef, env: CoerceEnv): Coerced {
  const out: FlagValue[] = [];
  for (const item of values) {
    const c = coerceFlagValue(item, def, env);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return { ok: true, value: out };
}

function coerceScalar(value: FlagValue, type: string, env: CoerceEnv): FlagValue | undefined {
  switch (type) {
    case "string":
      return typeof value === "string" ? value : pythonStr(value);
    case "int":
      return isFloat(value) ? undefined : pyInt(value);
    case "float":
      return pyFloat(value);
    case "number":
      if (typeof value === "boolean" || pyNumber(value) !== undefined) return value;
      return pyInt(value) ?? pyFloat(value);
    case "boolean":
      return pyTruthy(value);
    case "path":
    case "existing-path":
      return typeof value === "string" ? absolutePath(value, env) : undefined;
    default:
      // Unknown types are reported when the guildfile is read.
      return value;
  }
}

const PY_INT_TEXT = /^[+-]?\d(?:_?\d)*$/;

/** Python `int(x)` for a decoded value, undefined where Python raises. */
function pyInt(value: FlagValue): number | undefined {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return PY_INT_TEXT.test(text) ? Number(text.replaceAll("_", "")) : undefined;
}

const PY_FLOAT_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PY_FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;
// Python allows `_` only between two digits.
const MISPLACED_UNDERSCORE = /(?:^|\D)_|_(?:\D|$)/;

/** Python `float(x)`. */
function pyFloat(value: FlagValue): FlagValue | undefined {
  if (isFloat(value)) return value;
  const n = pyNumber(value);
  if (n !== undefined) return float(n);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const special = PY_FLOAT_SPECIAL.exec(text);
  if (special) return float(special[2]?.toLowerCase() === "nan" ? Number.NaN : special[1] === "-" ? -Infinity : Infinity);
  if (MISPLACED_UNDERSCORE.test(text)) return undefined;
  const plain = text.replaceAll("_", "");
  return PY_FLOAT_TEXT.test(plain) ? float(Number(plain)) : undefined;
}

/** `os.path.abspath(os.path.expanduser(path))`, against the command's directory. */
function absolutePath(path: string, env: CoerceEnv): string {
  let p = path;
  if (env.homeDir && (p === "~" || p.startsWith("~/"))) p = join(env.homeDir, p.slice(1));
  return p && !isAbsolute(p) ? resolve(env.cwd, p) : p;
}
