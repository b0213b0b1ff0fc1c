/**
 * Block-style YAML output identical to Guild's `util.encode_yaml`, i.e.
 * PyYAML `safe_dump(val, default_flow_style=False, indent=2)` stripped.
 *
 * Only the shapes Guild writes are supported: scalars, lists and string-keyed
 * maps (sorted, as PyYAML sorts them). Non-empty collections are always block
 * style, empty ones `[]` / `{}`. PyYAML would write anchors for a list or map
 * object that appears twice; JS values have no such identity, so none are written.
 */
import { isFloat } from "../flags/value.js";
import { pyIntStr, yamlFloatRepr } from "./float-format.js";
import { plainScalarKind } from "./scalars.js";
import {
  BEST_INDENT,
  analyzeScalar,
  writePlainWord,
  writeQuotedWord,
  newEmitState,
  writeDoubleQuoted,
  writeIndent,
  writeIndicator,
  writePlain,
  writeSingleQuoted,
  type EmitState,
} from "./scalar-writer.js";

interface NodeContext {
  root?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

/** Guild's attr encoding: block YAML, stripped, with one trailing newline. */
export function dumpYaml(value: unknown): string {
  return encodeYaml(value) + "\n";
}

/**
 * The stripped YAML document for `value`, as `util.encode_yaml` returns it. For
 * a scalar this is also the flow-style spelling Guild shows (`'1'`, `1.0e-05`).
 */
export function encodeYaml(value: unknown): string {
  const s = newEmitState();
  emitNode(s, value, { root: true });
  return s.out.join("").trim();
}

function emitNode(s: EmitState, value: unknown, ctx: NodeContext): void {
  if (Array.isArray(value)) {
    if (value.length === 0) emitEmptyFlow(s, "[", "]");
    else emitBlockSequence(s, value, ctx);
  } else if (isPlainMap(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) emitEmptyFlow(s, "{", "}");
    else emitBlockMapping(s, value, keys.sort(compareCodePoints));
  } else {
    increaseIndent(s, true, false);
    emitScalar(s, value, ctx);
    popIndent(s);
  }
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !isFloat(value);
}

function increaseIndent(s: EmitState, flow: boolean, indentless: boolean): void {
  s.indents.push(s.indent);
  if (s.indent === null) s.indent = flow ? BEST_INDENT : 0;
  else if (!indentless) s.indent += BEST_INDENT;
}

function popIndent(s: EmitState): void {
  s.indent = s.indents.pop() ?? null;
}

function emitEmptyFlow(s: EmitState, open: string, close: string): void {
  writeIndicator(s, open, true, true);
  writeIndicator(s, close, false);
}

function emitBlockSequence(s: EmitState, items: unknown[], ctx: NodeContext): void {
  // A list under a map key is written at the key's own indent (`key:\n- a`).
  increaseIndent(s, false, Boolean(ctx.mapping) && !s.indention);
  for (const item of items) {
    writeIndent(s);
    writeIndicator(s, "-", true, false, true);
    emitNode(s, item, {});
  }
  popIndent(s);
}

function emitBlockMapping(s: EmitState, map: Record<string, unknown>, keys: string[]): void {
  increaseIndent(s, false, false);
  for (const key of keys) {
    writeIndent(s);
    if (isSimpleKey(key)) {
      emitNode(s, key, { mapping: true, simpleKey: true });
      writeIndicator(s, ":", false);
    } else {
      // Empty, multi-line or long (123+ char) keys use the explicit `? key` form.
      writeIndicator(s, "?", true, false, true);
      emitNode(s, key, { mapping: true });
      writeIndent(s);
      writeIndicator(s, ":", true, false, true);
    }
    emitNode(s, map[key], { mapping: true });
  }
  popIndent(s);
}

// PyYAML counts the key's (unwritten) `!!str` tag in its 128-char simple-key limit.
const SIMPLE_KEY_LIMIT = 128 - "!!str".length;

function isSimpleKey(key: string): boolean {
  if (SIMPLE_WORD.test(key)) return key.length < SIMPLE_KEY_LIMIT;
  const chars = [...key];
  const analysis = analyzeScalar(chars);
  return chars.length < SIMPLE_KEY_LIMIT && !analysis.empty && !analysis.multiline;
}

/**
 * One word of ASCII that no indicator, space, break or quote can make
 * special (most attr values: ids, paths, names, numbers): PyYAML writes it
 * plain when it reads back as a string, else in single quotes, and never
 * folds it (folds are at spaces). Checked against PyYAML itself in
 * test/python/yaml-emit.test.ts.
 */
// `:` and `,` only inside (a final `:` would be an indicator, and PyYAML
// flags `,` only as a first character in block context).
const SIMPLE_WORD = /^[A-Za-z0-9_/](?:[A-Za-z0-9_./+=@%~:,-]*[A-Za-z0-9_./+=@%~,-])?$/;

function emitScalar(s: EmitState, value: unknown, ctx: NodeContext): void {
  const { text, isString } = representScalar(value);
  if (SIMPLE_WORD.test(text)) {
    if (!isString || plainScalarKind(text) === "str") writePlainWord(s, text);
    else writeQuotedWord(s, text);
    return;
  }
  const chars = [...text];
  const analysis = analyzeScalar(chars);
  const simpleKey = Boolean(ctx.simpleKey);
  // Plain only when the text reads back as the same type (`'1'`, `'yes'`, `''` are quoted).
  const implicit = !isString || plainScalarKind(text) === "str";
  const split = !simpleKey;
  if (implicit && analysis.allowPlain && !(simpleKey && (analysis.empty || analysis.multiline))) {
    writePlain(s, chars, split);
  } else if (analysis.allowSingleQuoted && !(simpleKey && analysis.multiline)) {
    writeSingleQuoted(s, chars, split);
  } else {
    writeDoubleQuoted(s, chars, split);
  }
}

function representScalar(value: unknown): { text: string; isString: boolean } {
  if (typeof value === "string") return { text: value, isString: true };
  if (value === null || value === undefined) return { text: "null", isString: false };
  if (typeof value === "boolean") return { text: value ? "true" : "false", isString: false };
  if (isFloat(value)) return { text: yamlFloatRepr(value.value), isString: false };
  if (typeof value === "number") {
    // A bare number is a Python int; a non-integral one can only be a float.
    const text = Number.isInteger(value) ? pyIntStr(value) : yamlFloatRepr(value);
    return { text, isString: false };
  }
  if (typeof value === "bigint") return { text: value.toString(), isString: false };
  return { text: String(value), isString: true };
}

/** Python's string order (by code point), which differs from JS sort for astral chars. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  // Code units order as code points do unless one of the first pair that
  // differs is a surrogate. (No iterator here: compare sorts thousands.)
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    return isSurrogate(x) || isSurrogate(y) ? compareByCodePoint(a, b) : x - y;
  }
  return a.length - b.length;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

function compareByCodePoint(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx - cy;
  }
}
