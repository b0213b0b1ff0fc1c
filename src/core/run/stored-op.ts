/**
 * The operation and flags stored in a run, for starting it again. Flags that
 * cannot be read refuse the start: running with the operation's defaults
 * instead would do work nobody asked for.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fail } from "../errors.js";
import { isFlagMap, type FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { fileErrorText } from "../store/attrs.js";
import { readOpref } from "../store/opref.js";
import { attrPath } from "../store/paths.js";
import { loadYaml, yamlErrorLine } from "../yaml/guild-yaml.js";
import { operationForRunDir } from "./op-attr.js";

export interface StoredOp {
  op: Operation;
  flags: FlagMap;
}

export function storedOperation(runDir: string): StoredOp | undefined {
  const opref = readOpref(runDir);
  const op = opref && operationForRunDir(runDir, opref);
  if (!op) return undefined;
  return { op, flags: storedFlags(runDir) };
}

/** The run's flags (none when it has no `flags` attr); fails when they cannot be read. */
function storedFlags(runDir: string): FlagMap {
  const problem = (why: string) => fail(`cannot start ${basename(runDir)}: .guild/attrs/flags: ${why}`);
  let text: string;
  try {
    text = readFileSync(attrPath(runDir, "flags"), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return {};
    return problem(fileErrorText(code));
  }
  let value: unknown;
  try {
    value = loadYaml(text);
  } catch (e) {
    const line = yamlErrorLine(e);
    return problem(`invalid YAML${line === undefined ? "" : ` (line ${line})`}`);
  }
  if (!isFlagMap(value)) return problem(value === null ? "empty" : "not a mapping of flags");
  return value;
}
