/**
 * The JSON text of `/api/series`, in as few bytes as say the same thing,
 * and written once per series. Event files store `simple_value` as a
 * float32, which JSON would print with a double's 17 digits of noise
 * (0.8234567046165466): such a value is written with the fewest digits
 * that read back as the same float32 (0.8234567), so the page has about
 * half the value bytes to receive and parse. A value that is not exactly a
 * float32 (a double tensor) is written whole. Wall times are written to the
 * millisecond, and only when asked for (the page wants them only for an x
 * axis of time). A series' text is kept until the series grows (series-memo.ts).
 */
import type { Series } from "./downsample.js";
import { SeriesMemo } from "./series-memo.js";

export type SeriesField = "step" | "value" | "time";

export const SERIES_FIELDS: readonly SeriesField[] = ["step", "value", "time"];

/** Each series' text for each set of fields asked (at most seven). */
const written = new SeriesMemo<Map<string, string>>();

/** `{"ID":{"KEY":{"step":[…],"value":[…]},…},…}` for run id → key → series. */
export function seriesJsonText(byRun: { [id: string]: { [key: string]: Series } }, fields: readonly SeriesField[]): string {
  const runs = Object.entries(byRun).map(([id, byKey]) => {
    const keys = Object.entries(byKey).map(([key, s]) => `${JSON.stringify(key)}:${seriesText(s, fields)}`);
    return `${JSON.stringify(id)}:{${keys.join(",")}}`;
  });
  return `{${runs.join(",")}}`;
}

function seriesText(s: Series, fields: readonly SeriesField[]): string {
  const byFields = written.get(s, () => new Map());
  const key = fields.join(",");
  let text = byFields.get(key);
  if (text === undefined) {
    const parts: string[] = [];
    if (fields.includes("step")) parts.push(`"step":${numbersText(s.step, asIs)}`);
    if (fields.includes("value")) parts.push(`"value":${numbersText(s.value, shortFloat32)}`);
    if (fields.includes("time")) parts.push(`"time":${numbersText(s.time, toMillisecond)}`);
    byFields.set(key, (text = `{${parts.join(",")}}`));
  }
  return text;
}

/** A JSON array of `xs`, each through `f` (JSON.stringify writes a non-finite number as null). */
function numbersText(xs: Float64Array, f: (x: number) => number): string {
  return JSON.stringify(Array.from(xs, f));
}

const asIs = (x: number) => x;

/** The shortest decimal that reads back as `v`'s float32; `v` itself if it is not a float32. */
export function shortFloat32(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v) || Math.fround(v) !== v) return v;
  // 9 significant digits always tell two float32s apart; most values need 7 or 8.
  for (let digits = 7; digits < 9; digits++) {
    const short = Number(v.toPrecision(digits));
    if (Math.fround(short) === v) return short;
  }
  return Number(v.toPrecision(9));
}

function toMillisecond(t: number): number {
  return Number.isFinite(t) ? Math.round(t * 1000) / 1000 : t;
}
