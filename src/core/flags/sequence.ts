/**
 * Sequence flag functions `range`, `linspace` and `logspace`, expanded when a
 * flag value is decoded (`range[1:5]` -> `[1, 2, 3, 4, 5]`).
 *
 * Guild expands them with numpy (`arange`, `linspace`, `logspace`) and rounds
 * floats to 8 places; the arithmetic here follows numpy's so the values (and
 * their int/float types) come out the same. Errors carry Python's exception
 * name: Guild ignores ValueErrors silently and logs the others.
 */
import { PyFloat, type FlagValue } from "./value.js";
import { pythonRepr, pythonTupleRepr } from "./py-repr.js";

type Num = { value: number; float: boolean };

/** An exception named as Python would raise it. */
export function pyError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

export const SEQUENCE_FUNCTIONS = ["range", "linspace", "geomspace", "logspace"];

// Far below what numpy could allocate, but a flag list this long is a typo.
const MAX_ITEMS = 10_000_000;

/** Expands `name[args]`; `warnings` receives Guild's "unsupported arguments" notes. */
export function expandSequence(name: string, args: FlagValue[], warnings: string[]): FlagValue[] {
  if (name === "range") return expandRange(args, warnings);
  if (name === "linspace") return expandLinspace(args, warnings).map(toFloatValue);
  if (name === "logspace") return expandLogspace(args, warnings).map(toFloatValue);
  // Guild lists geomspace as a sequence function but has no expander for it.
  throw pyError("AssertionError", name);
}

function splitArgs(name: string, args: FlagValue[], defaults: FlagValue[], warnings: string[]): FlagValue[] {
  const rest = args.slice(defaults.length);
  if (rest.length) warnings.push(`unsupported arguments for ${name} function: ${pythonTupleRepr(rest)} - ignoring`);
  return defaults.map((fallback, i) => (i < args.length ? (args[i] as FlagValue) : fallback));
}

function requireArgs(...args: FlagValue[]): void {
  if (args.some((arg) => arg === null)) throw pyError("TypeError", `function requires at least ${args.length} arg(s)`);
}

function numeric(arg: FlagValue): Num {
  if (typeof arg === "number") return { value: arg, float: false };
  // Python bools are ints.
  if (typeof arg === "boolean") return { value: arg ? 1 : 0, float: false };
  if (arg instanceof PyFloat) return { value: arg.value, float: true };
  throw pyError("TypeError", `invalid arg ${pythonRepr(arg)}: expected a number`);
}

function expandRange(args: FlagValue[], warnings: string[]): FlagValue[] {
  const [startArg = null, endArg = null, stepArg = 1] = splitArgs("range", args, [null, null, 1], warnings);
  requireArgs(startArg);
  const start = numeric(startArg);
  const step = numeric(stepArg);
  if (endArg === null) return arange({ value: 0, float: false }, start, step);
  const end = numeric(endArg);
  // The end is made inclusive by adding Python's min(step, 1), which returns
  // `step` itself on a tie (so a step of 1.0 makes the end a float).
  const bump = 1 < step.value ? { value: 1, float: false } : step;
  return arange(start, { value: end.value + bump.value, float: end.float || bump.float }, step);
}

function arange(start: Num, stop: Num, step: Num): FlagValue[] {
  const isFloat = start.float || stop.float || step.float;
  const span = stop.value - start.value;
  if (step.value === 0) {
    throw pyError("ZeroDivisionError", start.float || stop.float || step.float ? "float division by zero" : "division by zero");
  }
  const ratio = span / step.value;
  const length = ratio === 0 && span !== 0 ? (Object.is(ratio, -0) ? 0 : 1) : arangeLength(ratio);
  const values: number[] = [];
  if (length > 0) values.push(start.value);
  if (length > 1) values.push(start.value + step.value);
  // numpy fills the rest from the first two items: start + i * (second - start).
  const delta = (values[1] ?? 0) - start.value;
  for (let i = 2; i < length; i++) values.push(start.value + i * delta);
  return values.map((x) => (isFloat ? toFloatValue(x) : x));
}

function arangeLength(ratio: number): number {
  const length = Math.ceil(ratio);
  if (Number.isNaN(length)) throw pyError("ValueError", "arange: cannot compute length");
  if (!Number.isFinite(length) || Math.abs(length) > 2 ** 63) throw pyError("ValueError", "Maximum allowed size exceeded");
  if (length > MAX_ITEMS) throw pyError("MemoryError", `too many values (${length})`);
  return length;
}

function expandLinspace(args: FlagValue[], warnings: string[]): number[] {
  const [start = null, end = null, count = 5] = splitArgs("linspace", args, [null, null, 5], warnings);
  requireArgs(start, end);
  return linspace(numeric(start), numeric(end), numeric(count));
}

function linspace(start: Num, stop: Num, count: Num): number[] {
  if (count.float) throw pyError("TypeError", "'float' object cannot be interpreted as an integer");
  const num = count.value;
  if (num < 0) throw pyError("ValueError", `Number of samples, ${num}, must be non-negative.`);
  if (num > MAX_ITEMS) throw pyError("MemoryError", `too many values (${num})`);
  const div = num - 1;
  const delta = stop.value - start.value;
  const step = delta / div;
  const values: number[] = [];
  for (let i = 0; i < num; i++) {
    // Same operation order as numpy, including its path for a zero step.
    const offset = div <= 0 ? i * delta : step === 0 ? (i / div) * delta : i * step;
    values.push(offset + start.value);
  }
  if (num > 1) values[num - 1] = stop.value;
  return values;
}

function expandLogspace(args: FlagValue[], warnings: string[]): number[] {
  const defaults: FlagValue[] = [null, null, 5, 10];
  const [start = null, end = null, count = 5, base = 10] = splitArgs("logspace", args, defaults, warnings);
  requireArgs(start, end);
  const [s, e, n, b] = [numeric(start), numeric(end), numeric(count), numeric(base)];
  return linspace(s, e, n).map((exp) => power(b.value, exp));
}

// V8's Math.pow is off by an ulp for some integer powers (10 ** -5); C's pow,
// which numpy uses, is not. Integer powers are computed exactly instead.
function power(base: number, exp: number): number {
  if (!Number.isInteger(exp) || !Number.isInteger(base) || Math.abs(exp) > 400) return Math.pow(base, exp);
  if (exp >= 0) return Number(BigInt(base) ** BigInt(exp));
  if (base === 10) return Number(`1e${exp}`);
  return 1 / Number(BigInt(base) ** BigInt(-exp));
}

/** numpy value to Python: floats above 1e-8 rounded to 8 places (Guild's `_np_seq_val`). */
function toFloatValue(x: number): PyFloat {
  return new PyFloat(x > 1e-8 ? roundHalfEven(x, 8) : x);
}

/** Python `round(x, ndigits)`: exact decimal rounding of the binary value, ties to even. */
export function roundHalfEven(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  if (x < 0) return -roundHalfEven(-x, ndigits);
  const [mantissa, exp2] = decompose(x);
  if (exp2 >= 0) return x;
  const scaled = mantissa * 10n ** BigInt(ndigits);
  const denom = 1n << BigInt(-exp2);
  let q = scaled / denom;
  const twiceRem = (scaled % denom) * 2n;
  if (twiceRem > denom || (twiceRem === denom && q % 2n === 1n)) q += 1n;
  return Number(`${q}e-${ndigits}`);
}

// x = mantissa * 2 ** exp2 exactly (x positive, finite, non-integer here).
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const rawExp = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = rawExp === 0 ? fraction : fraction | (1n << 52n);
  return [mantissa, (rawExp === 0 ? 1 : rawExp) - 1075];
}
