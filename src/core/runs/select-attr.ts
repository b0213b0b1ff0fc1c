/**
 * `guild select --attr NAME`: a run attribute as Guild 0.9's select prints
 * it (runs_impl._print_run_attr): a formatted field first (`label`,
 * `status`, `started`, `short_id`, `duration`, ... as in `runs info`), else
 * the raw attr as YAML (`flags` → `x: 2.0`), else an error.
 */
import { fail } from "../errors.js";
import { duration } from "../compare/compare-runs.js";
import { attrNames, readAttr } from "../store/attrs.js";
import { shortId } from "../store/ids.js";
import { encodeYaml } from "../yaml/guild-yaml.js";
import { infoFields, readRunInfo } from "./info.js";
import type { RunRow } from "./list.js";
import { readOpref } from "../store/opref.js";

export function selectedAttr(row: RunRow, name: string, userHome: string): string {
  const formatted = formattedFields(row, userHome).get(name);
  if (formatted !== undefined) return formatted;
  if (attrNames(row.dir).includes(name)) return encodeYaml(readAttr(row.dir, name) ?? null);
  return fail(`no such run attribute '${name}'`);
}

function formattedFields(row: RunRow, userHome: string): Map<string, string> {
  const info = readRunInfo(row, userHome, { env: false, deps: false });
  const opref = readOpref(row.dir);
  const fields = new Map(infoFields(info));
  fields.set("short_id", shortId(row.id));
  fields.set("duration", duration(row.status, info.started, info.stopped) ?? "");
  if (opref) {
    fields.set("op_name", opref.opName);
    fields.set("model", opref.pkgType === "builtin" ? "" : opref.modelName);
  }
  return fields;
}
