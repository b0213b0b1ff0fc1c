/**
 * Attribute values (flags, label, timestamps) to JSON and back, for the
 * compare row cache, keeping what JSON alone would lose: a float from an
 * int (`1.0` vs `1`), NaN and the infinities, map keys such as
 * `__proto__`. Strings, ints, booleans and null stand for themselves;
 * floats are `["f", n]` (`n` a string when not finite), lists `["l", ...]`,
 * maps `["m", key, value, ...]`. A value of any other kind cannot be
 * encoded (`encodeValue` returns undefined) and its row is not cached. Pure.
 */
import { float, isFloat, type FlagValue } from "../flags/value.js";

export type Encoded = null | boolean | number | string | Encoded[];

export class NotEncodable extends Error {}

export function encodeValue(v: unknown): Encoded | undefined {
  try {
    return encode(v);
  } catch (e) {
    if (e instanceof NotEncodable) return undefined;
    throw e;
  }
}

function encode(v: unknown): Encoded {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Object.is(v, -0)) throw new NotEncodable();
    return v;
  }
  if (isFloat(v)) return ["f", Object.is(v.value, -0) ? "-0" : Number.isFinite(v.value) ? v.value : String(v.value)];
  if (Array.isArray(v)) return ["l", ...v.map(encode)];
  if (typeof v === "object" && v !== undefined && isPlainMap(v)) {
    const out: Encoded[] = ["m"];
    for (const key of Object.keys(v)) out.push(key, encode((v as Record<string, unknown>)[key]));
    return out;
  }
  throw new NotEncodable();
}

function isPlainMap(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
}

/** The value `encodeValue` was given; throws NotEncodable on anything it cannot have written. */
export function decodeValue(e: unknown): FlagValue {
  if (e === null || typeof e === "boolean" || typeof e === "number" || typeof e === "string") return e;
  if (!Array.isArray(e)) throw new NotEncodable();
  // Indexes, not destructuring: a row cache decodes thousands of these.
  const tag: unknown = e[0];
  if (tag === "f" && e.length === 2) return float(numberOf(e[1]));
  if (tag === "l") return e.slice(1).map(decodeValue);
  if (tag === "m" && e.length % 2 === 1) {
    const map = Object.create(null) as Record<string, FlagValue>;
    for (let i = 1; i < e.length; i += 2) {
      const key: unknown = e[i];
      if (typeof key !== "string") throw new NotEncodable();
      map[key] = decodeValue(e[i + 1]);
    }
    return map;
  }
  throw new NotEncodable();
}

const SPELLED = new Set(["NaN", "Infinity", "-Infinity", "-0"]);

function numberOf(v: unknown): number {
  if (typeof v === "string" && SPELLED.has(v)) return Number(v);
  if (typeof v !== "number") throw new NotEncodable();
  return v;
}
