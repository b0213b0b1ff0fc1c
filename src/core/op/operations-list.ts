/**
 * `guild operations`: the operations a project's guild.yml defines, with
 * the first line of each description, sorted by model then name. Private
 * ones (`_name`, or in a `_model`) only with `all`; FILTERs must each match
 * (case-insensitively) the full name or the description.
 */
import type { Guildfile, OpDef } from "../guildfile/types.js";
import { encodeFlagValue } from "../flags/encode.js";
import type { FlagDef } from "../guildfile/types.js";

export interface OpListing {
  fullname: string;
  description: string;
  /** The description's other lines, blank-line separated (Guild's `details`). */
  details: string[];
  main: string;
  /** `name: description (default is X)` per flag. */
  flags: string[];
}

export function listOperations(gf: Guildfile, filters: readonly string[], all: boolean): OpListing[] {
  const rows: (OpListing & { model: string; name: string })[] = [];
  for (const model of gf.models) {
    for (const op of model.operations) {
      if (!all && (op.name.startsWith("_") || model.name.startsWith("_"))) continue;
      const row = { ...listingFor(op, model.name), model: model.name, name: op.name };
      if (matchesFilters(filters, [row.fullname, row.description])) rows.push(row);
    }
  }
  rows.sort((a, b) => cmp(a.model, b.model) || cmp(a.name, b.name));
  return rows.map(({ model: _m, name: _n, ...row }) => row);
}

function listingFor(op: OpDef, modelName: string): OpListing {
  const [first = "", ...rest] = (op.description ?? "").split("\n");
  return {
    fullname: modelName ? `${modelName}:${op.name}` : op.name,
    description: first,
    details: rest.flatMap((line, i) => (i > 0 ? ["", line] : [line])),
    main: op.main ?? "",
    flags: Object.keys(op.flags)
      .sort(cmp)
      .map((name) => flagSummary(op.flags[name] as FlagDef)),
  };
}

export function flagSummary(flag: FlagDef): string {
  const desc = flag.description ? ` ${flag.description}` : "";
  return `${flag.name}:${desc} (default is ${encodeFlagValue(flag.default ?? null)})`;
}

export function matchesFilters(filters: readonly string[], values: readonly string[]): boolean {
  const lower = values.map((v) => v.toLowerCase());
  return filters.every((f) => lower.some((v) => v.includes(f.toLowerCase())));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
