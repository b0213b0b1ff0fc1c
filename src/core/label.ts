/**
 * Run labels: the default `NAME=VALUE ...` label and label templates with
 * `${flag}`, `${default_label}` and `${flag|filter}` references (§6.4).
 */
import { formatLabelValue, pythonStr } from "./flags/encode.js";
import type { FlagMap, FlagValue } from "./flags/value.js";
import { pyFormat } from "./util/py-format.js";

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
  if (name === "default_label" && !filters.length) return fallback;
  const raw: FlagValue | undefined = name === "default_label" ? fallback : flags[name];
  if (!filters.length) return raw === null || raw === undefined ? "" : formatLabelValue(raw);
  let value: FlagValue | undefined = raw ?? null;
  for (const filter of filters) value = applyFilter(filter, value, warn);
  return value === null || value === undefined ? "" : pythonStr(value);
}

function applyFilter(filter: string, value: FlagValue, warn: (s: string) => void): FlagValue {
  const colon = filter.indexOf(":");
  const name = colon < 0 ? filter : filter.slice(0, colon);
  const arg = colon < 0 ? undefined : filter.slice(colon + 1);
  if (name.startsWith("%")) return formatWith(name, value);
  switch (name) {
    case "default":
      return value === null ? (arg ?? "") : value;
    case "basename":
      return value ? basename(pythonStr(value)) : "";
    case "unquote":
      return typeof value === "string" && value.length >= 2 && value.startsWith("'") && value.endsWith("'")
        ? value.slice(1, -1)
        : value;
    default:
      warn(`WARNING: unsupported template transform: '${filter}'`);
      return "#error#";
  }
}

/** Python's `fmt % value` on the raw value (`%s` of 1.0 is `1.0`, `%d` of True `1`); kept when Python raises. */
function formatWith(fmt: string, value: FlagValue): FlagValue {
  return pyFormat(fmt, value) ?? value;
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
