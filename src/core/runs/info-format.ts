/**
 * `runs info` as text, as Guild prints it: `key: value` lines (empty values
 * keep the space after the colon), other attributes in Guild's attr format,
 * then `flags:`, `proto-flags:`, `scalars:`, `environment:` and
 * `dependencies:` sections with sorted entries (lists as `- item`, maps as
 * indented YAML).
 */
import { encodeFlagValue } from "../flags/encode.js";
import { isFlagMap, isFloat, type FlagValue } from "../flags/value.js";
import { encodeYaml } from "../yaml/guild-yaml.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { formatScalarValue } from "../scalars/info.js";
import type { OptimizerSummary } from "../batch/optimizer-summary.js";
import { pyFixed } from "../util/py-fixed.js";
import { infoFields, type RunInfo } from "./info.js";

export function formatRunInfo(info: RunInfo): string[] {
  const lines: string[] = [];
  for (const [name, value] of infoFields(info)) lines.push(`${name}: ${value}`);
  for (const [name, value] of info.otherAttrs) lines.push(`${name}: ${formatAttr(value)}`);
  // Guild 0.9 prints `tags:` always; here only when there are some (2020's fields otherwise).
  if (info.row.tags.length) lines.push("tags:", ...info.row.tags.map((t) => `  - ${t}`));
  lines.push(...section("flags", info.flags));
  if (info.protoFlags !== undefined) lines.push(...section("proto-flags", info.protoFlags));
  if (info.optimizer) lines.push(...optimizerSection(info.optimizer));
  lines.push("scalars:");
  for (const sc of info.scalars) lines.push(`  ${sc.key}: ${formatScalarValue(sc.value, sc.step)}`);
  if (info.env !== undefined) lines.push(...section("environment", info.env));
  if (info.deps !== undefined) lines.push(...section("dependencies", info.deps));
  return lines;
}

/** Ours (Guild shows none): what a Bayesian batch optimizes and its best trial so far. */
function optimizerSection(o: OptimizerSummary): string[] {
  const best = o.best ? `${o.best.id} (${pyFixed(o.best.value)})` : "none yet";
  return ["optimizer:", `  name: ${o.optimizer}`, `  objective: ${o.objective}`, `  scored-trials: ${o.scored}`, `  best-trial: ${best}`];
}

function section(name: string, value: unknown): string[] {
  const lines = [`${name}:`];
  if (Array.isArray(value)) {
    for (const item of value) lines.push(`  - ${encode(item)}`);
    return lines;
  }
  if (!isFlagMap(value)) return [`${name}: ${String(value)}`];
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    const item = value[key];
    if (Array.isArray(item)) {
      lines.push(`  ${key}:`, ...item.map((x) => `    - ${encode(x)}`));
    } else if (isFlagMap(item)) {
      lines.push(`  ${key}:`, ...encodeYaml(item).split("\n").map((l) => `    ${l}`));
    } else {
      lines.push(`  ${key}: ${encode(item)}`);
    }
  }
  return lines;
}

function encode(v: unknown): string {
  return encodeFlagValue((v ?? null) as FlagValue);
}

/**
 * Guild's `format_attr`: scalars as flag values, lists and maps on indented
 * lines. A list or map holding lists or maps (a pipeline's `steps`) is shown
 * as indented YAML: Guild flattens it into lines that cannot be read back.
 */
export function formatAttr(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "number" || isFloat(v)) return encode(v);
  if (isNested(v)) return `\n${encodeYaml(v).split("\n").map((l) => `  ${l}`).join("\n")}`;
  if (Array.isArray(v)) return `\n${v.map((item) => `  ${formatAttr(item)}`).join("\n")}`;
  if (isFlagMap(v)) {
    const keys = Object.keys(v).sort(compareCodePoints);
    return `\n${keys.map((k) => `  ${k}: ${formatAttr(v[k])}`).join("\n")}`;
  }
  return String(v);
}

function isNested(v: unknown): boolean {
  const items = Array.isArray(v) ? v : isFlagMap(v) ? Object.values(v) : [];
  return items.some((item) => Array.isArray(item) || isFlagMap(item));
}
