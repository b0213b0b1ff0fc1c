/**
 * Time range specs of `-S/--started` (`last hour`, `today`, `after 7-1`,
 * `between 9:00 and 12:00`, `3 weeks ago`), parsed to a function of the
 * reference time ("now") giving `[start, end)`, either end open. The grammar
 * and meanings are Guild's (guild/timerange): `N UNIT ago` is the whole
 * unit N units back, `after …` starts when that range ends, `last N
 * minutes|hours|days` goes back exactly N units, a bare date is that day.
 * Pure: times are local, built from the reference time given.
 */

import { tokenize, TimeRangeError, type Token, type Unit } from "./timerange-tokens.js";

export interface TimeRange {
  start: Date | null;
  end: Date | null;
}

type RangeFn = (ref: Date) => TimeRange;
type DateFn = (ref: Date) => Date;
/** How precise a written date/time is: a day, a minute or a second. */
type Precision = "day" | "minute" | "second";
type DateTimeFn = (ref: Date) => { at: Date; precision: Precision };

export { TimeRangeError, tokenize };

/** Parses a spec; the result maps a reference time to its range. */
export function parseTimeRange(spec: string): RangeFn {
  const p = new Parser(tokenize(spec));
  const fn = p.spec();
  p.expectEnd();
  return fn;
}

class Parser {
  private i = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i];
    if (!t) throw new TimeRangeError("spec cannot be empty");
    this.i += 1;
    return t;
  }

  private unexpected(t: Token): never {
    throw new TimeRangeError(`unexpected '${t.text}' at pos ${t.pos}`);
  }


  expectEnd(): void {
    const t = this.peek();
    if (t) this.unexpected(t);
  }

  spec(): RangeFn {
    const t = this.peek();
    if (t?.type === "keyword" && t.word === "last") return this.lastUnit();
    if (t?.type === "keyword" && t.word === "between") return this.explicitRange();
    if (t?.type === "date" || t?.type === "time") {
      const dt = this.datetime();
      return (ref) => rangeForDateTime(dt(ref));
    }
    return this.range();
  }

  /** unit range, operator range (a bare datetime is handled by callers). */
  private range(): RangeFn {
    const t = this.peek();
    if (t?.type === "keyword" && (t.word === "before" || t.word === "after")) return this.operatorRange();
    return this.unitRange();
  }

  private unitRange(): RangeFn {
    const t = this.next();
    if (t.type === "keyword" && t.word === "today") return (ref) => unitRange("day", ref, 0);
    if (t.type === "keyword" && t.word === "yesterday") return (ref) => unitRange("day", ref, -1);
    if (t.type === "keyword" && t.word === "this") {
      const unit = this.unit();
      return (ref) => unitRange(unit, ref, 0);
    }
    if (t.type === "number") {
      const unit = this.unit();
      const ago = this.next();
      if (!(ago.type === "keyword" && ago.word === "ago")) this.unexpected(ago);
      return (ref) => unitRange(unit, ref, -t.value);
    }
    return this.unexpected(t);
  }

  private unit(): Unit {
    const t = this.next();
    return t.type === "unit" ? t.unit : this.unexpected(t);
  }

  private operatorRange(): RangeFn {
    const op = this.next();
    const before = op.type === "keyword" && op.word === "before";
    const t = this.peek();
    if (t?.type === "date" || t?.type === "time") {
      const dt = this.datetime();
      return before ? (ref) => ({ start: null, end: dt(ref).at }) : (ref) => ({ start: dt(ref).at, end: null });
    }
    const unit = this.unitRange();
    return before ? (ref) => ({ start: null, end: unit(ref).start }) : (ref) => ({ start: unit(ref).end, end: null });
  }

  private lastUnit(): RangeFn {
    this.next();
    let n = 1;
    const t = this.peek();
    if (t?.type === "number") {
      n = t.value;
      this.next();
    }
    const unit = this.next();
    if (unit.type !== "unit" || !["minute", "hour", "day"].includes(unit.unit)) this.unexpected(unit);
    return (ref) => ({ start: shifted(ref, unit.unit, -n), end: null });
  }

  private explicitRange(): RangeFn {
    this.next();
    const a = this.betweenPart();
    const and = this.next();
    if (!(and.type === "keyword" && and.word === "and")) this.unexpected(and);
    const b = this.betweenPart();
    return (ref) => {
      const ra = a(ref);
      const rb = b(ref);
      return time(ra.start) < time(rb.start) ? { start: ra.start, end: rb.end } : { start: rb.start, end: ra.end };
    };
  }

  private betweenPart(): RangeFn {
    const t = this.peek();
    if (t?.type === "date" || t?.type === "time") {
      const dt = this.datetime();
      return (ref) => {
        const at = dt(ref).at;
        return { start: at, end: at };
      };
    }
    return this.range();
  }

  private datetime(): DateTimeFn {
    const t = this.next();
    if (t.type === "time") {
      const hms = checkedTime(t.parts);
      return (ref) => ({ at: atTime(ref, hms), precision: t.parts.length === 3 ? "second" : "minute" });
    }
    if (t.type !== "date") return this.unexpected(t);
    const date = dateFn(t.parts);
    const next = this.peek();
    if (next?.type === "time") {
      this.next();
      const hms = checkedTime(next.parts);
      return (ref) => ({ at: atTime(date(ref), hms), precision: next.parts.length === 3 ? "second" : "minute" });
    }
    return (ref) => ({ at: date(ref), precision: "day" });
  }
}

function time(d: Date | null): number {
  return d ? d.getTime() : Number.NEGATIVE_INFINITY;
}

/** `parts`: [y, m, d]; [-1, yy, m, d] (century of ref); [-2, m, d] (year of ref). */
function dateFn(parts: number[]): DateFn {
  return (ref) => {
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    if (a === -2) return checkedDate(ref.getFullYear(), b, c);
    if (a === -1) return checkedDate(Math.floor(ref.getFullYear() / 100) * 100 + b, c, d);
    return checkedDate(a, b, c);
  };
}

function checkedDate(year: number, month: number, day: number): Date {
  if (year < 1 || year > 9999) throw new TimeRangeError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new TimeRangeError("month must be in 1..12");
  const daysInMonth = new Date(year, month, 0).getDate();
  if (day < 1 || day > daysInMonth) throw new TimeRangeError("day is out of range for month");
  const d = new Date(year, month - 1, day);
  d.setFullYear(year); // years < 100 are not 19xx
  return d;
}

function checkedTime(parts: number[]): [number, number, number] {
  const [h = 0, m = 0, s = 0] = parts;
  if (h > 23) throw new TimeRangeError("hour must be in 0..23");
  if (m > 59) throw new TimeRangeError("minute must be in 0..59");
  if (s > 59) throw new TimeRangeError("second must be in 0..59");
  return [h, m, s];
}

function atTime(day: Date, [h, m, s]: [number, number, number]): Date {
  const d = new Date(day);
  d.setHours(h, m, s, 0);
  return d;
}

function rangeForDateTime({ at, precision }: { at: Date; precision: Precision }): TimeRange {
  return { start: at, end: shifted(at, precision, 1) };
}

function shifted(d: Date, unit: Unit | "second", n: number): Date {
  const r = new Date(d);
  if (unit === "second") r.setSeconds(r.getSeconds() + n);
  else if (unit === "minute") r.setMinutes(r.getMinutes() + n);
  else if (unit === "hour") r.setHours(r.getHours() + n);
  else if (unit === "day") r.setDate(r.getDate() + n);
  else if (unit === "week") r.setDate(r.getDate() + 7 * n);
  else if (unit === "month") r.setMonth(r.getMonth() + n);
  else r.setFullYear(r.getFullYear() + n);
  return r;
}

/** The whole unit containing `ref`, shifted `shift` units (≤ 0). */
function unitRange(unit: Unit, ref: Date, shift: number): TimeRange {
  const start = startOf(unit, ref);
  const shiftedStart = shifted(start, unit, shift);
  return { start: shiftedStart, end: shifted(shiftedStart, unit, 1) };
}

function startOf(unit: Unit, ref: Date): Date {
  const d = new Date(ref);
  d.setMilliseconds(0);
  d.setSeconds(0);
  if (unit === "minute") return d;
  d.setMinutes(0);
  if (unit === "hour") return d;
  d.setHours(0);
  if (unit === "day") return d;
  if (unit === "week") {
    d.setDate(d.getDate() - ((d.getDay() + 6) % 7)); // back to Monday
    return d;
  }
  d.setDate(1);
  if (unit === "month") return d;
  d.setMonth(0);
  return d;
}
