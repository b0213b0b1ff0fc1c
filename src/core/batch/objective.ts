/**
 * A model optimizer's objective (Guild's `objective` attr: `loss`, or
 * `-acc` when `acc` is maximized, optionally with a qualifier such as
 * `min loss`), and its value for a finished trial: the trial's scalar as
 * Guild reads it (its last value unless qualified), negated when
 * maximized so that every optimizer minimizes.
 */
import { runScalars, type ScalarSummary } from "../scalars/run-scalars.js";

export interface Objective {
  scalar: string;
  qualifier: "first" | "last" | "min" | "max" | "avg" | "total" | "count";
  maximize: boolean;
}

const QUALIFIERS = new Set(["first", "last", "min", "max", "avg", "total", "count"]);

export function parseObjective(attr: string): Objective {
  const maximize = attr.startsWith("-");
  const spec = (maximize ? attr.slice(1) : attr).trim();
  const [first = "", ...rest] = spec.split(/\s+/);
  const qualified = rest.length > 0 && QUALIFIERS.has(first);
  return { scalar: qualified ? rest.join(" ") : spec, qualifier: qualified ? (first as Objective["qualifier"]) : "last", maximize };
}

/** `loss`, or `acc (maximized)`, as messages and `runs info` name it. */
export function formatObjective(o: Objective): string {
  const name = o.qualifier === "last" ? o.scalar : `${o.qualifier} ${o.scalar}`;
  return o.maximize ? `${name} (maximized)` : name;
}

/** The scalar's value as reported (not negated), or undefined when the run logged none. */
export function objectiveScalar(runDir: string, o: Objective): number | undefined {
  const summary = findScalar(runScalars(runDir), o.scalar);
  if (!summary) return undefined;
  switch (o.qualifier) {
    case "first":
    case "last":
    case "min":
    case "max":
      return summary[o.qualifier].value;
    default:
      return summary[o.qualifier];
  }
}

/** The value an optimizer minimizes. */
export function objectiveValue(runDir: string, o: Objective): number | undefined {
  const v = objectiveScalar(runDir, o);
  return v === undefined ? undefined : o.maximize ? -v : v;
}

// `loss` names the run's own `loss` (output scalars under `.guild`, or the
// run dir's events) before one in a subdirectory; `eval#loss` is exact.
function findScalar(scalars: ScalarSummary[], name: string): ScalarSummary | undefined {
  return (
    scalars.find((s) => s.key === name) ??
    scalars.find((s) => s.tag === name && (s.prefix === ".guild" || s.prefix === "")) ??
    scalars.find((s) => s.tag === name)
  );
}
