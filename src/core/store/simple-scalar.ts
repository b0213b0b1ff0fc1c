/**
 * Reads the YAML scalars that make up most attribute files (`1795772016685819`,
 * `loud=no msg=c`, `0`) without loading a YAML library: listing runs reads
 * `started`, `label` and `exit_status` for every run, and the library costs
 * more to load than the listing itself. Anything not plainly simple returns
 * `undefined` so the caller falls back to the full YAML reader.
 */

const INT = /^[-+]?(0|[1-9][0-9]*)$/;
// A plain scalar PyYAML would read back as this same string: no leading
// indicator, no `: ` or ` #`, not a YAML 1.1 bool/null/number spelling.
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
const RESERVED = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const NUMBERISH = /^[-+.0-9]/;
// PyYAML's `value` and `merge` tags, which a plain load cannot construct.
const SPECIAL_TAGS = /^(=|<<)$/;
// Only printable characters without tabs: CR, NEL and the Unicode line
// separators are line breaks to YAML, tabs and controls are errors or
// separators, and a BOM is dropped, so such lines go to the full loader.
const UNSAFE_CHAR = /[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

export type SimpleScalar = { value: string | number | null };

export function parseSimpleScalar(text: string): SimpleScalar | undefined {
  const line = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (UNSAFE_CHAR.test(line)) return undefined;
  if (line === "" || line === "null" || line === "~") return { value: null };
  if (INT.test(line)) {
    const n = Number(line);
    // `-0` is int 0 to Python; JS would keep a negative zero.
    return Number.isSafeInteger(n) ? { value: n === 0 ? 0 : n } : undefined;
  }
  if (line.startsWith("'") && line.endsWith("'") && line.length >= 2) {
    const inner = line.slice(1, -1);
    // A lone quote inside means this is not one quoted scalar.
    if (inner.replaceAll("''", "").includes("'")) return undefined;
    return { value: inner.replaceAll("''", "'") };
  }
  if (!PLAIN_START.test(line) || RESERVED.test(line) || NUMBERISH.test(line) || SPECIAL_TAGS.test(line)) {
    return undefined;
  }
  if (line.includes(": ") || line.includes(" #") || line.endsWith(":") || line.endsWith(" ")) {
    return undefined;
  }
  return { value: line };
}
