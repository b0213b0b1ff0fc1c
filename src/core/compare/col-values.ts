/**
 * The value of a column spec (colspec.ts) for one run, as Guild's index
 * reads it: a flag, a run attribute, or a scalar summary (the last value
 * unless qualified; `step` for the step of that value). Pure.
 */
import { float } from "../flags/value.js";
import type { ScalarSummary } from "../scalars/run-scalars.js";
import type { Col } from "./colspec.js";
import type { Cell, RunFacts } from "./compare-table.js";

export function colValue(col: Col, run: RunFacts): Cell {
  if (col.kind === "flag") return run.flags[col.name] ?? null;
  if (col.kind === "attr") return cellFor(run.attr(col.name));
  const summary = scalarFor(col.key, run.scalars);
  if (!summary) return null;
  const q = col.qualifier ?? "last";
  if (q === "avg" || q === "total" || q === "count") {
    if (col.step) return null;
    return q === "count" ? summary.count : float(q === "avg" ? summary.avg : summary.total);
  }
  return col.step ? summary[q].step : float(summary[q].value);
}

/** Whether the column's values are logged float32 values (cut to 6 decimals in tables). */
export function isFloat32Col(col: Col): boolean {
  return col.kind === "scalar" && !col.step && col.qualifier !== "count";
}

/** `prefix#tag` matches the first prefix starting so; a bare tag any prefix. */
function scalarFor(key: string, scalars: readonly ScalarSummary[]): ScalarSummary | undefined {
  const hash = key.indexOf("#");
  if (hash < 0) return scalars.find((s) => s.tag === key);
  const [prefix, tag] = [key.slice(0, hash), key.slice(hash + 1)];
  return scalars.find((s) => s.prefix.startsWith(prefix) && s.tag === tag);
}

function cellFor(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return v as Cell;
}
