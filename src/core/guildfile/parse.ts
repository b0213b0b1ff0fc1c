/**
 * Turns loaded `guild.yml` data into a `Guildfile`, validating all of it and
 * collecting every problem (one line each) rather than stopping at the first.
 */
import type { FlagValue } from "../flags/value.js";
import { isFlagMap, nameMap } from "../flags/value.js";
import { coerceOutputScalars } from "../scalars/patterns.js";
import { parseFlagDef } from "./flag-def.js";
import type { FlagsImport, Guildfile, ModelDef, OpDef } from "./types.js";

export interface ParseResult {
  guildfile?: Guildfile;
  errors: string[];
}

const ITEM_TYPES = ["config", "include", "model", "package"] as const;

type Issues = string[];

export function parseGuildfile(data: unknown, path: string, dir: string, digest: string): ParseResult {
  const errors: Issues = [];
  let models: ModelDef[] = [];
  if (data === null || data === undefined) {
    models = [];
  } else if (Array.isArray(data)) {
    models = parseItems(data, errors);
  } else if (isFlagMap(data)) {
    models = [{ name: "", isDefault: true, operations: parseOperations(data, "", "", errors) }];
  } else {
    errors.push(`invalid guildfile data ${describe(data)}: expected a mapping or a list`);
  }
  return errors.length ? { errors } : { guildfile: { path, dir, digest, models }, errors };
}

function parseItems(items: unknown[], errors: Issues): ModelDef[] {
  const models: ModelDef[] = [];
  items.forEach((item, i) => {
    if (!isFlagMap(item)) {
      errors.push(`item ${i + 1}: invalid guildfile item ${describe(item)}: expected a mapping`);
      return;
    }
    const types = ITEM_TYPES.filter((t) => t in item);
    if (types.length !== 1) {
      errors.push(`missing required type (one of: ${ITEM_TYPES.join(", ")}) in ${describe(item)}`);
      return;
    }
    if (types[0] === "model") models.push(parseModel(item, errors));
  });
  return models;
}

function parseModel(item: Record<string, unknown>, errors: Issues): ModelDef {
  const name = item.model === null ? "" : String(item.model);
  const where = `model '${name}'`;
  const ops = item.operations ?? {};
  if (!isFlagMap(ops)) {
    errors.push(`${where}: operations: expected a mapping, got ${describe(ops)}`);
  }
  return {
    name,
    description: optString(item.description, `${where}: description`, errors),
    isDefault: item.default === true,
    operations: isFlagMap(ops) ? parseOperations(ops, name, `${where}: `, errors) : [],
  };
}

function parseOperations(
  ops: Record<string, unknown>,
  modelName: string,
  where: string,
  errors: Issues,
): OpDef[] {
  return Object.entries(ops).map(([name, data]) => parseOpDef(name, data, modelName, `${where}operations.${name}`, errors));
}

function parseOpDef(name: string, data: unknown, modelName: string, where: string, errors: Issues): OpDef {
  const op: OpDef = {
    name,
    modelName,
    isDefault: false,
    flags: {},
    flagsImportSkip: [],
    env: {},
    raw: {},
  };
  if (typeof data === "string") return { ...op, main: data };
  if (data === null || data === undefined) return op;
  if (!isFlagMap(data)) {
    errors.push(`${where}: expected a mapping or a string, got ${describe(data)}`);
    return op;
  }
  op.raw = data;
  op.description = optString(data.description, `${where}.description`, errors);
  op.isDefault = data.default === true;
  op.main = optString(data.main, `${where}.main`, errors);
  op.exec = optString(data.exec, `${where}.exec`, errors);
  op.label = optString(data.label, `${where}.label`, errors);
  op.flagsDest = optString(data["flags-dest"], `${where}.flags-dest`, errors);
  op.steps = parseSteps(data.steps, `${where}.steps`, errors);
  op.flags = parseFlags(data.flags, `${where}.flags`, errors);
  op.flagsImport = parseFlagsImport(data["flags-import"], `${where}.flags-import`, errors);
  op.flagsImportSkip = parseNameList(data["flags-import-skip"], `${where}.flags-import-skip`, errors);
  op.env = parseEnv(data.env, `${where}.env`, errors);
  op.sourcecode = data.sourcecode;
  op.outputScalars = parseOutputScalars(data["output-scalars"], `${where}.output-scalars`, errors);
  return op;
}

/** Kept in Guild's stored form: null (default patterns), [] (`no`), or a list. */
function parseOutputScalars(data: unknown, where: string, errors: Issues): unknown[] | null {
  const coerced = coerceOutputScalars(data);
  if (coerced !== "invalid") return coerced;
  errors.push(`${where}: expected a mapping, list, string, or no, got ${describe(data)}`);
  return null;
}

function parseSteps(data: unknown, where: string, errors: Issues): unknown[] | undefined {
  if (data === undefined || data === null) return undefined;
  if (!Array.isArray(data)) {
    errors.push(`${where}: expected a list, got ${describe(data)}`);
    return undefined;
  }
  data.forEach((step, i) => {
    if (typeof step === "string") return;
    if (!isFlagMap(step) || (typeof step.run !== "string" && typeof step.name !== "string")) {
      errors.push(`${where}[${i}]: expected a string or a mapping with 'run', got ${describe(step)}`);
    }
  });
  return data;
}

function parseFlags(data: unknown, where: string, errors: Issues): OpDef["flags"] {
  if (data === undefined || data === null) return {};
  if (!isFlagMap(data)) {
    errors.push(`${where}: expected a mapping, got ${describe(data)}`);
    return {};
  }
  const flags: OpDef["flags"] = nameMap();
  for (const [name, value] of Object.entries(data)) {
    const def = parseFlagDef(name, value as FlagValue, `${where}.${name}`, errors);
    if (def) flags[name] = def;
  }
  return flags;
}

function parseFlagsImport(data: unknown, where: string, errors: Issues): FlagsImport | undefined {
  if (data === undefined) return undefined;
  if (data === true || data === "all") return "all";
  if (data === false || data === null) return "none";
  if (Array.isArray(data)) return data.length ? parseNameList(data, where, errors) : "none";
  if (typeof data === "string") return [data];
  errors.push(`${where}: expected yes, no, all or a list of flag names, got ${describe(data)}`);
  return undefined;
}

function parseNameList(data: unknown, where: string, errors: Issues): string[] {
  if (data === undefined || data === null) return [];
  if (typeof data === "string") return [data];
  if (Array.isArray(data) && data.every((x) => typeof x === "string")) return data as string[];
  errors.push(`${where}: expected a list of names, got ${describe(data)}`);
  return [];
}

function parseEnv(data: unknown, where: string, errors: Issues): Record<string, string> {
  if (data === undefined || data === null) return {};
  if (!isFlagMap(data)) {
    errors.push(`${where}: expected a mapping, got ${describe(data)}`);
    return {};
  }
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === null ? "" : String(v)]));
}

function optString(data: unknown, where: string, errors: Issues): string | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === "string") return data;
  if (typeof data === "number" || typeof data === "boolean") return String(data);
  errors.push(`${where}: expected a string, got ${describe(data)}`);
  return undefined;
}

export function describe(data: unknown): string {
  try {
    return JSON.stringify(data) ?? String(data);
  } catch {
    return String(data);
  }
}
