/**
 * Series thinning for charts: a series longer than the limit is cut into
 * buckets and each bucket keeps its lowest and highest point (in step
 * order), so spikes survive; the first and last points are always kept.
 * Pure: the server calls it before a series leaves for the browser.
 */
import type { ScalarPoints } from "../tfevent/scalar-scan.js";

/** A series' points: step, value and wall time (seconds) columns of equal length. */
export type Series = ScalarPoints;

export const MAX_POINTS = 2000;

export function downsample(s: Series, limit = MAX_POINTS): Series {
  const n = s.step.length;
  if (n <= limit) return s;
  // The first and last points, then two per bucket of the points between.
  const buckets = Math.max(0, Math.floor((limit - 2) / 2));
  const inner = n - 2;
  const keep = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    const [lo, hi] = extremes(s.value, start, end);
    if (lo === hi) keep.push(lo);
    else keep.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  keep.push(n - 1);
  return pick(s, keep);
}

/** Indexes of the lowest and highest value in [start, end); NaN never wins. */
function extremes(values: Float64Array, start: number, end: number): [number, number] {
  let lo = start;
  let hi = start;
  for (let i = start + 1; i < end; i++) {
    const v = values[i] as number;
    if (v < (values[lo] as number) || Number.isNaN(values[lo] as number)) lo = i;
    if (v > (values[hi] as number) || Number.isNaN(values[hi] as number)) hi = i;
  }
  return [lo, hi];
}

function pick(s: Series, indexes: readonly number[]): Series {
  const column = (from: Float64Array) => Float64Array.from(indexes, (i) => from[i] as number);
  return { step: column(s.step), value: column(s.value), time: column(s.time) };
}
