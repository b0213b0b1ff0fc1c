/**
 * The `.guild/opref` line: `PKG_TYPE:PKG_NAME PKG_VERSION MODEL OP`, each
 * field shell-quoted. It names what a run is an instance of.
 */
import { readFileSync } from "node:fs";
import { shellJoin, shellSplit } from "../util/shell-quote.js";
import { guildPath } from "./paths.js";

export interface OpRef {
  pkgType: string; // script | guildfile | builtin | package
  pkgName: string; // script dir, guild.yml path, `guildai`
  pkgVersion: string; // guild.yml md5, guild version, ''
  modelName: string;
  opName: string;
}

export function formatOpref(ref: OpRef): string {
  return `${ref.pkgType}:${shellJoin([ref.pkgName, ref.pkgVersion, ref.modelName, ref.opName])}`;
}

export function parseOpref(line: string): OpRef | undefined {
  const colon = line.indexOf(":");
  if (colon < 0) return undefined;
  let fields: string[];
  try {
    fields = shellSplit(line.slice(colon + 1).trim());
  } catch {
    return undefined;
  }
  if (fields.length !== 4) return undefined;
  const [pkgName, pkgVersion, modelName, opName] = fields as [string, string, string, string];
  return { pkgType: line.slice(0, colon), pkgName, pkgVersion, modelName, opName };
}

export function readOpref(runDir: string): OpRef | undefined {
  let text: string;
  try {
    text = readFileSync(guildPath(runDir, "opref"), "utf8");
  } catch {
    return undefined;
  }
  return parseOpref(text.split("\n")[0] ?? "");
}

/** `MODEL:OP` or `OP`; builtins (`+`, `queue`) show the op only. */
export function opDescFor(ref: OpRef): string {
  if (ref.pkgType === "builtin" || !ref.modelName) return ref.opName;
  return `${ref.modelName}:${ref.opName}`;
}
