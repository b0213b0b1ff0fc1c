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

export type SimpleScalar = { value: string | number | null };

export function parseSimpleScalar(text: string): SimpleScalar | undefined {
  const line = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (line.includes("\n")) return undefined;
  if (line === "" || line === "null" || line === "~") return { value: null };
  if (INT.test(line)) {
    const n = Number(line);
    return Number.isSafeInteger(n) ? { value: n } : undefined;
  }
  if (line.startsWith("'") && line.endsWith("'") && line.length >= 2) {
    const inner = line.slice(1, -1);
    // A lone quote inside means this is not one quoted scalar.
    if (inner.replaceAll("''", "").includes("'")) return undefined;
    return { value: inner.replaceAll("''", "'") };
  }
  if (!PLAIN_START.test(line) || RESERVED.test(line) || NUMBERISH.test(line)) return undefined;
  if (line.includes(": ") || line.includes(" #") || line.endsWith(":") || line.endsWith(" ")) {
    return undefined;
  }
  return { value: line };
}
