/**
 * Search dimensions as coordinates in [0, 1], where the Bayesian
 * optimizers model them: a real range linearly (or by its log for
 * `loguniform`), an int range and a list by equal bins, one per value.
 * Decoding a coordinate gives a flag value of the dimension's kind.
 */
import { pyEquals } from "../flags/py-compare.js";
import { float, isNumeric, numericValue, type FlagValue } from "../flags/value.js";
import type { Dim } from "./search-space.js";

export function encodeValue(dim: Dim, value: FlagValue): number | undefined {
  switch (dim.kind) {
    case "categorical": {
      const i = dim.values.findIndex((v) => pyEquals(v, value));
      return i < 0 ? undefined : (i + 0.5) / dim.values.length;
    }
    case "int": {
      if (!isNumeric(value)) return undefined;
      const v = numericValue(value);
      if (v < dim.low || v > dim.high) return undefined;
      return (Math.round(v) - dim.low + 0.5) / (dim.high - dim.low + 1);
    }
    case "real": {
      if (!isNumeric(value)) return undefined;
      const v = numericValue(value);
      if (v < dim.low || v > dim.high) return undefined;
      if (!dim.log) return (v - dim.low) / (dim.high - dim.low);
      return (Math.log(v) - Math.log(dim.low)) / (Math.log(dim.high) - Math.log(dim.low));
    }
  }
}

export function decodeValue(dim: Dim, u: number): FlagValue {
  const t = Math.min(1, Math.max(0, u));
  switch (dim.kind) {
    case "categorical":
      return dim.values[Math.min(dim.values.length - 1, Math.floor(t * dim.values.length))] ?? null;
    case "int":
      return Math.min(dim.high, dim.low + Math.floor(t * (dim.high - dim.low + 1)));
    case "real": {
      if (!dim.log) return float(dim.low + t * (dim.high - dim.low));
      const [a, b] = [Math.log(dim.low), Math.log(dim.high)];
      return float(Math.min(dim.high, Math.max(dim.low, Math.exp(a + t * (b - a)))));
    }
  }
}

/** A trial's point, or undefined when a value lies outside its dimension (another search space). */
export function encodePoint(dims: readonly Dim[], values: readonly FlagValue[]): number[] | undefined {
  const point: number[] = [];
  for (const [i, dim] of dims.entries()) {
    const u = encodeValue(dim, values[i] ?? null);
    if (u === undefined) return undefined;
    point.push(u);
  }
  return point;
}
