/**
 * YAML as Guild reads and writes it: PyYAML `safe_load` (YAML 1.1 typing plus
 * Guild's float patch) and `safe_dump(default_flow_style=False, indent=2)`.
 *
 * Values come back in the flag value model: floats as `PyFloat`, ints as
 * numbers, maps as plain objects with string keys, timestamps as strings.
 */
import type * as YamlModule from "yaml";
import { nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { composeDocument } from "./compose.js";
import { resolvePlainScalar, yamlError } from "./scalars.js";
import { hasRejectedTab } from "./tabs.js";
import { requireYaml } from "./yaml-module.js";

export { dumpYaml, encodeYaml } from "./emitter.js";

// Most attr files hold one short scalar (`0`, a timestamp, a label); these are
// typed directly so that commands like `runs list` never load the parser.
const BLANK_RE = /^[ \r\n]*$/;
// No `:` or `#`, so interior spaces can never start a mapping or a comment.
const SIMPLE_PLAIN_RE = /^(?!\.\.\.)(?:[A-Za-z0-9_.+~/]|-(?=[A-Za-z0-9_.]))[A-Za-z0-9_.+~/=,() -]*$/;
const SIMPLE_QUOTED_RE = /^'(?:[^'\r\n]|'')*'$/;

/** Parses `text` as PyYAML safe_load would (with Guild's patch). Throws on invalid YAML. */
export function loadYaml(text: string): FlagValue {
  if (BLANK_RE.test(text)) return null;
  const trimmed = text.replace(/[ \r\n]+$/, "");
  const scalar = simpleScalar(trimmed);
  if (scalar !== undefined) return scalar;
  return simpleMapping(trimmed) ?? loadDocument(text);
}

function simpleScalar(text: string): FlagValue | undefined {
  if (SIMPLE_PLAIN_RE.test(text)) return resolvePlainScalar(text);
  if (SIMPLE_QUOTED_RE.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  return undefined;
}

// A key that is a plain string to YAML 1.1 (not `yes`, `null`, `1`: checked by resolving it).
const SIMPLE_KEY_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A one-level mapping of simple scalars (`lr: 0.01`, `msg: hello`), as a
 * run's flags attr usually is, typed without the parser: `guild view` reads
 * the flags of every run it shows or compares. Anything else (nesting,
 * comments, flow style, a key YAML would type) is left to the parser.
 */
function simpleMapping(text: string): FlagMap | undefined {
  const map: FlagMap = nameMap();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(": ");
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    const valueText = line.slice(colon + 2);
    if (!SIMPLE_KEY_RE.test(key) || resolvePlainScalar(key) !== key || valueText.endsWith(" ")) return undefined;
    const value = simpleScalar(valueText);
    if (value === undefined) return undefined;
    map[key] = value;
  }
  return map;
}

function loadDocument(text: string): FlagValue {
  const yaml = yamlModule();
  if (hasRejectedTab(yaml, text)) throw yamlError("found character '\\t' that cannot start any token");
  const doc = yaml.parseDocument(text, {
    schema: "failsafe",
    version: "1.1",
    uniqueKeys: false,
    prettyErrors: false,
  });
  const error = doc.errors.find((e) => !isAcceptedByPyYaml(e.message));
  if (error) throw Object.assign(yamlError(error.message), { line: lineAt(text, error.pos[0]) });
  return composeDocument(doc, text);
}

/** The 1-based line of a YAML error, when the parser placed it. */
export function yamlErrorLine(e: unknown): number | undefined {
  const line = (e as { line?: unknown } | undefined)?.line;
  return typeof line === "number" ? line : undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// PyYAML starts a comment at any `#` after a token, even without a space (`[1:2]#x`).
function isAcceptedByPyYaml(message: string): boolean {
  return message.startsWith("Comments must be separated from other tokens");
}

let cachedModule: typeof YamlModule | undefined;

// Loading the parser costs tens of milliseconds; pay it only when needed.
function yamlModule(): typeof YamlModule {
  cachedModule ??= requireYaml();
  return cachedModule;
}
