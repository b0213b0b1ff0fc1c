/**
 * Values worked out from a series (its stats, its thinned points, its JSON
 * text), kept until the series grows. A cached series only grows (a file
 * read further appends to it; a file replaced gets a new one), so its
 * length says whether a value still holds. The compare page asks for the
 * same runs' series at each load and live refresh, and a run that is not
 * running never changes: 20 runs × 10,000 points would otherwise be walked
 * again each time.
 */
import type { Series } from "./downsample.js";

export class SeriesMemo<T> {
  readonly #memo = new WeakMap<Series, { length: number; value: T }>();

  get(s: Series, make: () => T): T {
    const m = this.#memo.get(s);
    if (m && m.length === s.step.length) return m.value;
    const value = make();
    this.#memo.set(s, { length: s.step.length, value });
    return value;
  }
}
