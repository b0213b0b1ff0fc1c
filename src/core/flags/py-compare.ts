/**
 * Python's `==`, `<` and truthiness for flag values, as Guild's checks use
 * them: `True == 1`, `1 == 1.0`, an empty string or list is false.
 */
import { isFlagMap, isNumeric, numericValue, type FlagValue } from "./value.js";

/** A number for ints, floats and bools (Python bools are ints), else undefined. */
export function pyNumber(v: FlagValue | undefined): number | undefined {
  if (typeof v === "boolean") return v ? 1 : 0;
  return isNumeric(v) ? numericValue(v) : undefined;
}

export function pyEquals(a: FlagValue | undefined, b: FlagValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const [na, nb] = [pyNumber(a), pyNumber(b)];
  if (na !== undefined || nb !== undefined) return na === nb;
  if (a === null || b === null) return a === b;
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  }
  if (isFlagMap(a) && isFlagMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && pyEquals(a[k], b[k]));
  }
  return false;
}

/**
 * `a < b` for values Python can order (numbers with numbers, strings with
 * strings); undefined when Python would raise a TypeError.
 */
export function pyLessThan(a: FlagValue, b: FlagValue): boolean | undefined {
  const [na, nb] = [pyNumber(a), pyNumber(b)];
  if (na !== undefined && nb !== undefined) return na < nb;
  if (typeof a === "string" && typeof b === "string") return a < b;
  return undefined;
}

export function pyTruthy(v: FlagValue): boolean {
  if (v === null || v === false || v === "") return false;
  const n = pyNumber(v);
  if (n !== undefined) return n !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isFlagMap(v)) return Object.keys(v).length > 0;
  return true;
}
