/**
 * Python's `float(s)` for the strings output-scalar patterns capture: JS
 * `Number()` would also take `""`, `0x10` or `1_0.5` wrongly (or not take
 * what Python takes), and a key must be logged exactly when Guild logs it.
 */

const DIGITS = String.raw`\d(?:_?\d)*`;
const DECIMAL = new RegExp(
  String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`,
);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** The float Python would make of `s`, or undefined where it raises ValueError. */
export function pyFloat(s: string | undefined | null): number | undefined {
  if (s === undefined || s === null) return undefined;
  const t = s.trim();
  if (DECIMAL.test(t)) return Number(t.replaceAll("_", ""));
  const special = SPECIAL.exec(t);
  if (!special) return undefined;
  if (special[2]?.toLowerCase() === "nan") return NaN;
  return special[1] === "-" ? -Infinity : Infinity;
}
