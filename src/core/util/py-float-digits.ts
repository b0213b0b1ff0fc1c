/**
 * Python's `%f`, `%e` and `%g` digits for a float.
 *
 * Python rounds the exact binary value of a double half-to-even
 * (`'%.0f' % 2.5` is `2`, `'%.1f' % 0.25` is `0.2`), where JS `toFixed`
 * rounds ties up and switches to exponent form from 1e21. So the digits are
 * computed exactly with BigInt. Callers pass a finite, non-negative number
 * and add the sign themselves.
 */

/** `%.<precision>f` of x; `alt` (the `#` flag) keeps the point at precision 0. */
export function fixedDigits(x: number, precision: number, alt = false): string {
  const digits = scaledRound(x, precision).toString().padStart(precision + 1, "0");
  const whole = digits.slice(0, digits.length - precision);
  if (precision === 0) return alt ? `${whole}.` : whole;
  return `${whole}.${digits.slice(digits.length - precision)}`;
}

/** `%.<precision>e` of x, exponent with at least two digits. */
export function exponentDigits(x: number, precision: number, alt = false): string {
  const { digits, exp } = significantDigits(x, precision + 1);
  const point = precision > 0 || alt ? "." : "";
  const expText = String(Math.abs(exp)).padStart(2, "0");
  return `${digits.charAt(0)}${point}${digits.slice(1)}e${exp < 0 ? "-" : "+"}${expText}`;
}

/**
 * `%.<precision>g` of x: exponent form when the rounded exponent is below -4
 * or not below the precision, else fixed; trailing zeros dropped unless `alt`.
 */
export function generalDigits(x: number, precision: number | undefined, alt = false): string {
  const p = precision === undefined ? 6 : Math.max(precision, 1);
  const exp = x === 0 ? 0 : significantDigits(x, p).exp;
  const text = exp < -4 || exp >= p ? exponentDigits(x, p - 1, alt) : fixedDigits(x, p - 1 - exp, alt);
  return alt ? text : stripZeros(text);
}

function stripZeros(text: string): string {
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const rest = e < 0 ? "" : text.slice(e);
  if (!mantissa.includes(".")) return text;
  return mantissa.replace(/0+$/, "").replace(/\.$/, "") + rest;
}

/** The first `count` significant digits of x, rounded, and the decimal exponent of the first. */
function significantDigits(x: number, count: number): { digits: string; exp: number } {
  if (x === 0) return { digits: "0".repeat(count), exp: 0 };
  let exp = Math.floor(Math.log10(x));
  // log10 may be off by one near powers of ten, and rounding may carry into
  // a new digit (9.9995 → 10.00): adjust until the digits fit exactly.
  for (;;) {
    const n = scaledRound(x, count - 1 - exp);
    if (n >= 10n ** BigInt(count)) exp += 1;
    else if (n < 10n ** BigInt(count - 1)) exp -= 1;
    else return { digits: n.toString(), exp };
  }
}

/** round(x * 10**shift), ties to even, computed on the exact value of x. */
function scaledRound(x: number, shift: number): bigint {
  const { mantissa, exp2 } = decompose(x);
  let num = mantissa;
  let den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2);
  else den <<= BigInt(-exp2);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  const q = num / den;
  const twice = (num % den) * 2n;
  return twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
}

/** x = mantissa * 2**exp2 exactly, from the IEEE 754 bits. */
function decompose(x: number): { mantissa: bigint; exp2: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return { mantissa: fraction, exp2: -1074 };
  return { mantissa: fraction | (1n << 52n), exp2: biased - 1075 };
}
