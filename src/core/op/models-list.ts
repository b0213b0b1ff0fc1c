/**
 * `guild models`: the named models of the project's guild.yml (Guild's
 * models_impl: anonymous models are left out), sorted by name, with the
 * first line of each description; `-v` adds the source, the operations and
 * the description's other lines. Private (`_name`) models only with `all`.
 */
import type { Guildfile } from "../guildfile/types.js";
import { readGuildfile } from "../guildfile/read.js";
import { matchesFilters } from "./operations-list.js";
import { failGuildfileInvalid } from "./resolve.js";

export interface ModelListing {
  name: string;
  description: string;
  source: string;
  operations: string;
  details: string[];
}

export function listModels(gf: Guildfile, filters: readonly string[], all: boolean): ModelListing[] {
  return gf.models
    .filter((m) => m.name && (all || !m.name.startsWith("_")))
    .map((m) => {
      const [first = "", ...rest] = (m.description ?? "").split("\n");
      return {
        name: m.name,
        description: first,
        source: gf.path,
        operations: m.operations.map((o) => o.name).sort().join(", "),
        details: rest.flatMap((line, i) => (i > 0 ? ["", line] : [line])),
      };
    })
    .filter((m) => matchesFilters(filters, [m.name, m.description]))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function projectModels(dir: string, filters: readonly string[], all: boolean): ModelListing[] {
  const read = readGuildfile(dir);
  if (read.kind === "missing") return [];
  if (read.kind === "invalid") failGuildfileInvalid(read.path, read.errors, "in the current directory");
  return listModels(read.guildfile, filters, all);
}
