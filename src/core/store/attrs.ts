/**
 * Run attributes: one YAML file per attribute under `.guild/attrs/`, written
 * the way Guild writes them (block YAML, stripped, one trailing newline) and
 * always atomically.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dumpYaml, loadYaml } from "../yaml/guild-yaml.js";
import { writeFileAtomic, removeFile } from "./atomic.js";
import { attrPath, attrsDir } from "./paths.js";
import { parseSimpleScalar } from "./simple-scalar.js";

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The attribute's value, or `undefined` when the file is missing or is not
 * valid YAML (Guild treats an unreadable attribute as absent).
 */
export function readAttr(runDir: string, name: string): unknown {
  const text = readText(attrPath(runDir, name));
  if (text === undefined) return undefined;
  const simple = parseSimpleScalar(text);
  if (simple) return simple.value;
  try {
    return loadYaml(text);
  } catch {
    return undefined;
  }
}

/**
 * For attributes most runs lack (`marked`, `exit_status.remote`): tested
 * with existsSync first, as a failed read throws and exceptions cost more
 * than the check.
 */
export function readOptionalAttr(runDir: string, name: string): unknown {
  return existsSync(attrPath(runDir, name)) ? readAttr(runDir, name) : undefined;
}

export function hasAttr(runDir: string, name: string): boolean {
  return readText(attrPath(runDir, name)) !== undefined;
}

export function attrNames(runDir: string): string[] {
  try {
    return readdirSync(attrsDir(runDir))
      .filter((n) => !n.startsWith("."))
      .sort();
  } catch {
    return [];
  }
}

export function readAttrs(runDir: string): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const name of attrNames(runDir)) {
    const value = readAttr(runDir, name);
    if (value !== undefined) attrs[name] = value;
  }
  return attrs;
}

// Objects written into many runs (a batch's op attr, its user flags) are
// encoded once. Callers never mutate an attr value after writing it.
const encoded = new WeakMap<object, string>();

export function encodeAttr(value: unknown): string {
  if (typeof value !== "object" || value === null) return dumpYaml(value);
  let text = encoded.get(value);
  if (text === undefined) {
    text = dumpYaml(value);
    encoded.set(value, text);
  }
  return text;
}

export function writeAttr(runDir: string, name: string, value: unknown): void {
  writeFileAtomic(attrPath(runDir, name), encodeAttr(value));
}

/**
 * Writes the attrs of a run directory no reader can see yet (one being
 * assembled before it is renamed into runs/): plain writes suffice there.
 */
export function writeNewRunAttrs(runDir: string, attrs: Record<string, unknown>): void {
  mkdirSync(attrsDir(runDir), { recursive: true });
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) writeFileSync(attrPath(runDir, name), encodeAttr(value));
  }
}

export function deleteAttr(runDir: string, name: string): void {
  removeFile(attrPath(runDir, name));
}

/**
 * Why an attribute cannot be read: undefined when it reads (or is simply
 * absent), else a short reason (for warnings about damaged runs).
 */
export function attrProblem(runDir: string, name: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(attrPath(runDir, name), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? undefined : fileErrorText(code);
  }
  if (parseSimpleScalar(text)) return undefined;
  try {
    loadYaml(text);
    return undefined;
  } catch {
    return "invalid YAML";
  }
}

/** A filesystem error code as a warning says it. */
export function fileErrorText(code: string | undefined): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    case "ENOENT":
      return "missing";
    default:
      return `cannot read (${code ?? "unknown error"})`;
  }
}
