/**
 * Python's `"%.Nf" % x`. JS `toFixed` rounds an exact tie away from zero
 * where Python rounds it to even (`"%f" % 0.0078125` is `0.007812`), and
 * spells non-finite values differently; float32 scalars hit such ties.
 */
export function pyFixed(x: number, digits = 6): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Object.is(x, -0)) return `-${(0).toFixed(digits)}`;
  // toFixed switches to exponent form from 1e21; such doubles are integers.
  if (Math.abs(x) >= 1e21) return withPoint(BigInt(Math.abs(x)) * 10n ** BigInt(digits), digits, x < 0);
  const js = x.toFixed(digits);
  const floor = tieFloor(Math.abs(x), digits);
  if (floor === undefined || floor % 2n === 0n) return floor === undefined ? js : withPoint(floor, digits, x < 0);
  return js;
}

/** floor(|x| * 10^digits) when |x| * 10^digits is exactly halfway between two integers. */
function tieFloor(x: number, digits: number): bigint | undefined {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mantissa = exp === 0 ? frac : frac | (1n << 52n);
  const shift = (exp === 0 ? 1 : exp) - 1075; // x = mantissa * 2^shift
  if (shift >= 0) return undefined;
  const twice = mantissa * 2n * 10n ** BigInt(digits); // 2 * x * 10^digits * 2^-shift
  const den = 1n << BigInt(-shift);
  if (twice % den !== 0n) return undefined;
  const doubled = twice / den;
  return doubled % 2n === 1n ? (doubled - 1n) / 2n : undefined;
}

function withPoint(n: bigint, digits: number, negative: boolean): string {
  const s = n.toString().padStart(digits + 1, "0");
  const body = digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return negative ? `-${body}` : body;
}
