/**
 * The text of a flag import cache entry: JSON that keeps Python's int/float
 * difference. Reading the cache is on every `guild run script.py`, and JSON
 * is parsed by V8 itself; YAML needed the `yaml` library loaded (hundreds of
 * kilobytes of modules, most of a foreground run's start-up).
 *
 * JSON alone would turn 1.0 into 1 and lose NaN, infinities and -0.0, so
 * every string is written with a one-letter prefix: `s` for a string, `f`
 * for a float (its JS spelling, which reads back exactly). Map keys are
 * written as they are. Ints, booleans and null are plain JSON.
 */
import { float, isFlagMap, isFloat, nameMap, type FlagValue } from "../flags/value.js";

export function encodeFlagCache(value: FlagValue): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string") return `s${v}`;
    if (isFloat(v)) return `f${floatText(v.value)}`;
    return v;
  });
}

/**
 * Throws on text that is not JSON; strings with an unknown prefix read as
 * null. Maps come back as the YAML reader gives them: without a prototype.
 */
export function decodeFlagCache(text: string): FlagValue {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v !== "string") return isFlagMap(v) ? nameMap(v) : v;
    if (v.startsWith("s")) return v.slice(1);
    if (v.startsWith("f")) return float(Number(v.slice(1)));
    return null;
  }) as FlagValue;
}

function floatText(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}
