/**
 * Series thinning for charts: a series longer than the limit is cut into
 * buckets and each bucket keeps its lowest and highest point (in step
 * order), so spikes survive; the first and last points are always kept.
 * Pure: the server calls it before a series leaves for the browser.
 */

export interface Series {
  step: number[];
  value: number[];
  /** Wall time of each point, in seconds. */
  time: number[];
}

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
function extremes(values: readonly number[], start: number, end: number): [number, number] {
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
  return {
    step: indexes.map((i) => s.step[i] as number),
    value: indexes.map((i) => s.value[i] as number),
    time: indexes.map((i) => s.time[i] as number),
  };
}
