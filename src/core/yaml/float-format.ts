/**
 * Number spellings as Python prints them.
 *
 * Guild shows and stores numbers the way Python's `repr`/`str` and PyYAML
 * spell them, which differs from JS `String()` (`1e-05` vs `0.00001`,
 * `1.0` vs `1`), so every display of a number goes through here.
 */

/** Python `repr(float)`: shortest round-trip digits, exponent below 1e-4 or from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(x);
  // Where both spell a number without an exponent (JS from 1e-7 to 1e21,
  // Python from 1e-4 to 1e16), String() has the same shortest digits: only
  // Python's ".0" on a whole number differs. (Compare formats thousands.)
  if (abs >= 1e-4 && abs < 1e16) {
    const s = String(x);
    return s.includes(".") ? s : `${s}.0`;
  }
  const sign = x < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest digits that round-trip,
  // the same digits Python's repr chooses.
  const [mantissa = "", expText = "0"] = abs.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) return sign + exponentForm(digits, exp);
  return sign + fixedForm(digits, exp);
}

function exponentForm(digits: string, exp: number): string {
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exp < 0 ? "-" : "+";
  return `${head}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function fixedForm(digits: string, exp: number): string {
  if (exp < 0) return `0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${whole}.${frac || "0"}`;
}

/** PyYAML's float spelling: `.inf`, `.nan`, and a `.0` forced before any exponent. */
export function yamlFloatRepr(x: number): string {
  if (Number.isNaN(x)) return ".nan";
  if (x === Infinity) return ".inf";
  if (x === -Infinity) return "-.inf";
  const repr = pyFloatRepr(x);
  // YAML 1.1 floats need a dot, so PyYAML turns `1e-05` into `1.0e-05`.
  if (!repr.includes(".") && repr.includes("e")) return repr.replace("e", ".0e");
  return repr;
}

/** Python `str(int)`: never an exponent, however large. */
export function pyIntStr(n: number): string {
  if (Number.isSafeInteger(n)) return String(n === 0 ? 0 : n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  // A non-integral JS number in an int slot is a caller slip; show it as a float.
  return pyFloatRepr(n);
}
