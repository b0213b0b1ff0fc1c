/**
 * Run labels (§6.4): the default `NAME=VALUE ...` label and label templates
 * with `${flag}`, `${default_label}` and filters `${flag|filter|...}`:
 * `%03d` (any Python %-format), `default:VALUE`, `basename`, `unquote`.
 * A plain reference shows the value as labels show it (floats cut to 5
 * decimals, strings with spaces quoted); after a filter, Python's `str`.
 */
import { formatLabelValue, pythonStr, pythonStrRepr } from "./flags/encode.js";
import { pythonRepr } from "./flags/py-repr.js";
import { ownValue, type FlagMap, type FlagValue } from "./flags/value.js";
import { pyFormat, pyFormatError } from "./util/py-format.js";

export function defaultLabel(flags: FlagMap): string {
  return Object.keys(flags)
    .sort()
    .filter((name) => flags[name] !== null && flags[name] !== undefined)
    .map((name) => `${name}=${formatLabelValue(flags[name] as FlagValue)}`)
    .join(" ");
}

const REF = /\$\{(.+?)\}/g;

export function renderLabel(template: string | null | undefined, flags: FlagMap, warn: (s: string) => void = () => {}): string {
  const fallback = defaultLabel(flags);
  if (!template) return fallback;
  return template.replace(REF, (_, ref: string) => renderRef(ref, flags, fallback, warn));
}

function renderRef(ref: string, flags: FlagMap, fallback: string, warn: (s: string) => void): string {
  const [name = "", ...filters] = ref.split("|");
  const raw: FlagValue | undefined = name === "default_label" ? fallback : ownValue(flags, name);
  if (!filters.length) {
    if (raw === null || raw === undefined) return "";
    return name === "default_label" ? fallback : formatLabelValue(raw);
  }
  let value: FlagValue = raw ?? null;
  for (const filter of filters) value = applyFilter(filter, value, warn);
  return value === null ? "" : pythonStr(value);
}

function applyFilter(filter: string, value: FlagValue, warn: (s: string) => void): FlagValue {
  const colon = filter.indexOf(":");
  const name = colon < 0 ? filter : filter.slice(0, colon);
  const arg = colon < 0 ? undefined : filter.slice(colon + 1);
  if (name.startsWith("%")) return formatWith(name, value, warn);
  switch (name) {
    case "default":
      return value === null ? (arg ?? "") : value;
    case "basename":
      if (arg) warn(`WARNING: ignoring argment to baseline in ${pythonStrRepr(filter)}`);
      return value === null || value === "" || value === false || value === 0 ? "" : basename(pythonStr(value));
    case "unquote":
      return typeof value === "string" && value.length >= 2 && value.startsWith("'") && value.endsWith("'")
        ? value.slice(1, -1)
        : value;
    default:
      warn(`WARNING: unsupported template transform: ${pythonStrRepr(filter)}`);
      return "#error#";
  }
}

/**
 * Python's `fmt % value` on the raw value (`%s` of 1.0 is `1.0`, `%d` of
 * True `1`). A value the format does not fit passes through; a malformed
 * format also passes it through, and is logged as Guild logs it.
 */
function formatWith(fmt: string, value: FlagValue, warn: (s: string) => void): FlagValue {
  const error = pyFormatError(fmt);
  if (error) warn(`WARNING: error formatting ${pythonRepr(value)} with ${pythonStrRepr(fmt)}: ${error}`);
  return pyFormat(fmt, value) ?? value;
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
