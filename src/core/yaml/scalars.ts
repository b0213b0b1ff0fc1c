/**
 * Scalar typing as PyYAML's SafeLoader does it (YAML 1.1), with Guild's float
 * patch. Used both to read plain scalars and, when dumping, to decide whether a
 * string could be written unquoted (only if it would read back as a string).
 */
import { PyFloat, type FlagValue } from "../flags/value.js";

export type ScalarKind = "bool" | "float" | "int" | "merge" | "null" | "timestamp" | "value" | "yaml" | "str";

const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_RE =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP_RE =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?)$/;
// Guild's patch (util.patch_yaml_resolver): exponent sign optional and the dot
// optional before an exponent, so `1e-5`, `1e5` and `1.0e5` are floats.
const GUILD_FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

type Resolver = readonly [ScalarKind, RegExp];

// PyYAML picks resolvers by the first character, in registration order; the
// patched float resolver was registered last, so it only wins when nothing else does.
const BY_FIRST_CHAR = buildResolverTable();

function buildResolverTable(): Map<string, Resolver[]> {
  const table = new Map<string, Resolver[]>();
  const add = (kind: ScalarKind, re: RegExp, chars: string[]): void => {
    for (const ch of chars) {
      const list = table.get(ch) ?? [];
      list.push([kind, re]);
      table.set(ch, list);
    }
  };
  const digits = [..."0123456789"];
  add("bool", BOOL_RE, [..."yYnNtTfFoO"]);
  add("float", FLOAT_RE, [..."-+.", ...digits]);
  add("int", INT_RE, [..."-+", ...digits]);
  add("merge", /^<<$/, ["<"]);
  add("null", NULL_RE, ["~", "n", "N", ""]);
  add("timestamp", TIMESTAMP_RE, digits);
  add("value", /^=$/, ["="]);
  add("yaml", /^[!&*]$/, [..."!&*"]);
  add("float", GUILD_FLOAT_RE, [..."-+.", ...digits]);
  return table;
}

/** The type PyYAML gives `text` as an untagged plain scalar. */
export function plainScalarKind(text: string): ScalarKind {
  const resolvers = BY_FIRST_CHAR.get(text.slice(0, 1));
  if (!resolvers) return "str";
  for (const [kind, re] of resolvers) {
    if (re.test(text)) return kind;
  }
  return "str";
}

/** An error PyYAML would raise as ValueError or YAMLError (callers treat it as "not YAML"). */
export function yamlError(message: string): Error {
  return Object.assign(new Error(message), { name: "ValueError" });
}

/** Reads an untagged plain scalar as SafeLoader does. Timestamps stay strings. */
export function resolvePlainScalar(text: string): FlagValue {
  const kind = plainScalarKind(text);
  return constructScalar(kind, text);
}

export function constructScalar(kind: ScalarKind, text: string): FlagValue {
  switch (kind) {
    case "str":
    case "timestamp":
      return text;
    case "null":
      return null;
    case "bool":
      return constructBool(text);
    case "int":
      return constructInt(text);
    case "float":
      return new PyFloat(constructFloat(text));
    default:
      // SafeLoader has no constructor for merge/value/yaml tags outside a merge key.
      throw yamlError(`could not determine a constructor for the tag '${kind}'`);
  }
}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false };

function constructBool(text: string): boolean {
  const value = BOOL_VALUES[text.toLowerCase()];
  if (value === undefined) throw yamlError(`invalid boolean ${text}`);
  return value;
}

function constructInt(text: string): number {
  let value = text.replace(/_/g, "");
  const sign = value.startsWith("-") ? -1 : 1;
  if (value.startsWith("-") || value.startsWith("+")) value = value.slice(1);
  if (value === "0") return 0;
  if (value.startsWith("0b")) return sign * bigIntValue("0b", value.slice(2));
  if (value.startsWith("0x")) return sign * bigIntValue("0x", value.slice(2));
  if (value.startsWith("0")) return sign * bigIntValue("0o", value.slice(1));
  if (value.includes(":")) return sign * sexagesimal(value.split(":").map(Number));
  // Explicitly tagged scalars (`!!int x`) reach here unchecked; Python's int() would fail.
  if (!/^[0-9]+$/.test(value)) throw yamlError(`invalid literal for int(): '${text}'`);
  return sign * Number(value);
}

function bigIntValue(prefix: string, digits: string): number {
  // Python's int('', base) fails on e.g. `0b_`; so do we.
  if (!digits) throw yamlError(`invalid literal for int() with base: '${prefix}'`);
  try {
    return Number(BigInt(prefix + digits));
  } catch {
    // A tagged scalar (`!!int 0x1F<NUL>`) reaches here with any characters; Python's int() fails too.
    throw yamlError(`invalid literal for int() with base: '${prefix}${digits}'`);
  }
}

// Base-60 digits, least significant last, summed in PyYAML's order.
function sexagesimal(parts: number[]): number {
  if (parts.some((part) => Number.isNaN(part))) throw yamlError("invalid sexagesimal number");
  let value = 0;
  let base = 1;
  for (const digit of parts.reverse()) {
    value += digit * base;
    base *= 60;
  }
  return value;
}

const PY_FLOAT_TEXT_RE = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?$/;

function constructFloat(text: string): number {
  let value = text.replace(/_/g, "").toLowerCase();
  const sign = value.startsWith("-") ? -1 : 1;
  if (value.startsWith("-") || value.startsWith("+")) value = value.slice(1);
  if (value === ".inf") return sign * Infinity;
  if (value === ".nan") return NaN;
  if (value.includes(":")) return sign * sexagesimal(value.split(":").map(Number));
  // `._` passes the resolver but Python's float('.') fails.
  if (!PY_FLOAT_TEXT_RE.test(value)) throw yamlError(`could not convert string to float: '${value}'`);
  return sign * Number(value);
}
