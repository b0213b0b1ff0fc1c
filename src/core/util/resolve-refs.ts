/**
 * `${name}` references in strings, resolved the way Guild's
 * `util.resolve_refs` does for command templates and step specs: a string
 * that is one whole reference becomes the referenced value itself (typed);
 * references inside text are spelled as YAML; referenced values are resolved
 * in turn; `\${name}` is a literal `${name}`.
 */
import type { FlagValue } from "../flags/value.js";
import { encodeYaml } from "../yaml/emitter.js";

/** A name no value is given for; callers turn it into their own message. */
export class UndefinedReferenceError extends Error {
  readonly reference: string;
  constructor(reference: string) {
    super(`undefined reference '${reference}'`);
    this.reference = reference;
  }
}

export class ReferenceCycleError extends Error {
  readonly names: string[];
  constructor(names: string[]) {
    super(`reference cycle: ${names.join(" -> ")}`);
    this.names = names;
  }
}

// Python's `.` stops only at `\n`, so `[^\n]`, not JS `.`.
const REF = /(\\?\$\{[^\n]+?\})/;

/** Values by name; `undefined` means not defined (a `null` value is None). */
export type RefValues = ReadonlyMap<string, FlagValue>;

export function resolveRefs(value: FlagValue, values: RefValues): FlagValue {
  return resolve(value, values, []);
}

function resolve(value: FlagValue, values: RefValues, stack: string[]): FlagValue {
  if (typeof value !== "string") return value;
  const parts = value.split(REF).filter((part) => part !== "");
  const resolved = parts.map((part) => resolvePart(part, values, stack));
  if (resolved.length === 1) return resolved[0] as FlagValue;
  return resolved.map((part) => (typeof part === "string" ? part : encodeYaml(part))).join("");
}

function resolvePart(part: string, values: RefValues, stack: string[]): FlagValue {
  // Any part shaped `${...}` is a reference, even one the pattern skipped (`${}`).
  if (part.startsWith("${") && part.endsWith("}")) {
    const name = part.slice(2, -1);
    if (stack.includes(name)) throw new ReferenceCycleError([...stack, name]);
    if (!values.has(name)) throw new UndefinedReferenceError(name);
    return resolve(values.get(name) as FlagValue, values, [...stack, name]);
  }
  if (part.startsWith("\\${") && part.endsWith("}")) return part.slice(1);
  return part;
}
