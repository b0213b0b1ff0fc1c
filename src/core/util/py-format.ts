/**
 * Python's `%` formatting for one value (`%03d`, `%.2f`, `%s`, `%x`, `%e`),
 * as label template filters use it. Returns undefined when the value does
 * not fit the format (Python would raise TypeError and Guild keeps the value).
 */
const SPEC = /^%([-+ 0#]*)(\d+)?(?:\.(\d+))?([diouxXeEfFgGs])$/;

export function pyFormat(fmt: string, value: number | string): string | undefined {
  const m = SPEC.exec(fmt);
  if (!m) return undefined;
  const [, flags = "", width, precision, conv = "s"] = m;
  let body: string;
  if (conv === "s") body = String(value);
  else if (typeof value !== "number") return undefined;
  else body = formatNumber(value, conv, precision === undefined ? undefined : Number(precision));
  if (typeof value === "number" && value >= 0 && conv !== "s") {
    if (flags.includes("+")) body = `+${body}`;
    else if (flags.includes(" ")) body = ` ${body}`;
  }
  return pad(body, width === undefined ? 0 : Number(width), flags, conv);
}

function formatNumber(n: number, conv: string, precision: number | undefined): string {
  switch (conv) {
    case "d":
    case "i":
    case "u":
      return Math.trunc(n).toString();
    case "o":
      return Math.trunc(n).toString(8);
    case "x":
      return Math.trunc(n).toString(16);
    case "X":
      return Math.trunc(n).toString(16).toUpperCase();
    case "e":
    case "E": {
      const s = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
      return conv === "E" ? s.toUpperCase() : s;
    }
    case "g":
    case "G":
      return n.toPrecision(precision || 6).replace(/(\.\d*?)0+($|e)/, "$1$2").replace(/\.($|e)/, "$1");
    default:
      return n.toFixed(precision ?? 6);
  }
}

function pad(body: string, width: number, flags: string, conv: string): string {
  if (body.length >= width) return body;
  if (flags.includes("-")) return body.padEnd(width);
  if (flags.includes("0") && conv !== "s") {
    const sign = /^[-+ ]/.test(body) ? body.charAt(0) : "";
    return sign + body.slice(sign.length).padStart(width - sign.length, "0");
  }
  return body.padStart(width);
}
