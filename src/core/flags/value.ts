/**
 * The value model for flags and run attributes.
 *
 * Guild is Python: it tells `1` (int) from `1.0` (float), and both the run
 * store (YAML attrs) and every display (`lr=1.0`) keep that difference. A JS
 * number cannot, so floats are boxed in `PyFloat` and a bare `number` always
 * means an int. A class (rather than a tagged object) keeps a user's map value
 * such as `{value: 1}` from ever being mistaken for a float.
 */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
  valueOf(): number {
    return this.value;
  }
}

export type FlagMap = { [name: string]: FlagValue };

export type FlagValue = null | boolean | number | string | PyFloat | FlagValue[] | FlagMap;

export function float(value: number): PyFloat {
  return new PyFloat(value);
}

export function isFloat(value: unknown): value is PyFloat {
  return value instanceof PyFloat;
}

export function isInt(value: unknown): value is number {
  return typeof value === "number";
}

/** True for ints and floats alike. */
export function isNumeric(value: unknown): value is number | PyFloat {
  return typeof value === "number" || value instanceof PyFloat;
}

export function numericValue(value: number | PyFloat): number {
  return typeof value === "number" ? value : value.value;
}

export function isFlagMap(value: unknown): value is FlagMap {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof PyFloat)
  );
}

/**
 * A map keyed by names users choose (flags, guild.yml keys, batch columns).
 * It has no prototype, so a flag named `__proto__` is stored like any other
 * and `constructor` or `toString` are not found unless a user defined them.
 * Lookups must still go through `ownValue`/`hasName` when the map may be a
 * plain copy (`{...map}`).
 */
export function nameMap<T = FlagValue>(...sources: readonly Readonly<Record<string, T>>[]): Record<string, T> {
  // Object.assign onto a null-prototype target defines `__proto__` as a plain key.
  return Object.assign(Object.create(null) as Record<string, T>, ...sources);
}

/** `map[name]` only when the map itself holds `name` (never an Object.prototype member). */
export function ownValue<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(map, name) ? map[name] : undefined;
}

export function hasName(map: object, name: string): boolean {
  return Object.hasOwn(map, name);
}
