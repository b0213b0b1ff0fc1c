/**
 * The columns an operation asks `guild compare` to show (`compare:` in its
 * guild.yml, Guild's run_util.latest_compare): read from the run's
 * guildfile as it is now, else from the run's `compare` attribute (which
 * Guild writes). Bad specs are warned about and left out, as Guild does.
 */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { readGuildfile } from "../guildfile/read.js";
import type { Guildfile } from "../guildfile/types.js";
import { readAttr } from "../store/attrs.js";
import { readOpref, type OpRef } from "../store/opref.js";
import { ColspecError, parseColspec, type Col } from "./colspec.js";

export interface OpCompareReader {
  /** The run's `compare:` columns, or undefined for Guild's default columns. */
  colsFor(runDir: string): Col[] | undefined;
  /** The same, from the run's opref and `compare` attribute already read. */
  colsOf(opref: OpRef | undefined, compareAttr: unknown): Col[] | undefined;
}

export function opCompareReader(warn: (line: string) => void): OpCompareReader {
  const guildfiles = new Map<string, Guildfile | undefined>();
  const parsed = new Map<string, Col[]>();
  const guildfileAt = (path: string) => {
    if (!guildfiles.has(path)) {
      const read = existsSync(path) ? readGuildfile(dirname(path)) : undefined;
      guildfiles.set(path, read?.kind === "ok" ? read.guildfile : undefined);
    }
    return guildfiles.get(path);
  };
  const parse = (spec: string): Col[] => {
    let cols = parsed.get(spec);
    if (!cols) {
      cols = parseOrWarn(spec, warn);
      parsed.set(spec, cols);
    }
    return cols;
  };
  const colsOf = (opref: OpRef | undefined, compareAttr: unknown) =>
    (guildfileCompare(opref, guildfileAt) ?? specList(compareAttr))?.flatMap(parse);
  return {
    colsFor: (runDir) => colsOf(readOpref(runDir), readAttr(runDir, "compare")),
    colsOf,
  };
}

function guildfileCompare(opref: OpRef | undefined, guildfileAt: (path: string) => Guildfile | undefined): string[] | undefined {
  if (opref?.pkgType !== "guildfile") return undefined;
  const gf = guildfileAt(opref.pkgName);
  const model = gf?.models.find((m) => m.name === opref.modelName);
  const op = model?.operations.find((o) => o.name === opref.opName);
  return op ? specList(op.raw.compare) : undefined;
}

function specList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return undefined;
}

function parseOrWarn(spec: string, warn: (line: string) => void): Col[] {
  try {
    return parseColspec(spec);
  } catch (e) {
    if (!(e instanceof ColspecError)) throw e;
    warn(`WARNING: error parsing '${spec}': ${e.message}`);
    return [];
  }
}
