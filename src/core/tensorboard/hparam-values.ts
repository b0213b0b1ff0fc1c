/**
 * What the HParams dashboard is told about runs (Guild's tensorboard.py and
 * summary.py): each run's flags plus `sourcecode` (the digest's first 8
 * characters) as hparams, and as metrics the scalars each run's operation
 * compares (`compare:` columns of last values), else its scalars other
 * than `sys/*`. Pure.
 */
import { isFloat, type FlagMap, type FlagValue } from "../flags/value.js";
import { pythonStr } from "../flags/py-repr.js";
import type { Col } from "../compare/colspec.js";
import type { HParamDomain, HParamValue } from "../tfevent/hparams.js";

export const SOURCECODE_HPARAM = "sourcecode";

/** A flag value as an hparam: strings, numbers and booleans as they are, others as Python shows them. */
export function hparamValue(v: FlagValue): HParamValue {
  if (v === null) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (isFloat(v)) return v.value;
  return pythonStr(v);
}

export function runHParams(flags: FlagMap, digest: string): Record<string, HParamValue> {
  const out: Record<string, HParamValue> = {};
  for (const [name, v] of Object.entries(flags)) out[name] = hparamValue(v);
  out[SOURCECODE_HPARAM] = digest.slice(0, 8);
  return out;
}

/** Every hparam seen across runs, with the values seen. */
export function experimentHParams(runs: readonly Record<string, HParamValue>[]): HParamDomain[] {
  const seen = new Map<string, HParamValue[]>();
  for (const hparams of runs) {
    for (const [name, v] of Object.entries(hparams)) {
      const values = seen.get(name) ?? [];
      if (!values.includes(v)) values.push(v);
      seen.set(name, values);
    }
  }
  return [...seen].map(([name, values]) => ({ name, values }));
}

/** A run's metric tags: its `compare:` last-value scalars, else its non-`sys/` scalar tags. */
export function runMetricTags(compareCols: readonly Col[] | undefined, scalarTags: readonly string[]): string[] {
  const compared = (compareCols ?? []).flatMap((c) => (c.kind === "scalar" && (c.qualifier === undefined || c.qualifier === "last") ? [c.key] : []));
  if (compared.length) return compared;
  return scalarTags.filter((t) => !t.startsWith("sys/"));
}
