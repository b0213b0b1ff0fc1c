/** The project's operations for `guild operations` (none without a guild.yml). */
import { readGuildfile } from "../guildfile/read.js";
import type { Ctx } from "../context.js";
import type { FlagDef } from "../guildfile/types.js";
import { flagSummary, listOperations, type OpListing } from "./operations-list.js";
import { failGuildfileInvalid, resolveOperation } from "./resolve.js";

export function projectOperations(dir: string, filters: readonly string[], all: boolean): OpListing[] {
  const read = readGuildfile(dir);
  if (read.kind === "missing") return [];
  if (read.kind === "invalid") failGuildfileInvalid(read.path, read.errors, "in the current directory");
  return listOperations(read.guildfile, filters, all);
}

/**
 * `operations -v`: each listed op with every flag it takes, those imported
 * from its script (argparse help as the description) included.
 */
export function withImportedFlags(ops: readonly OpListing[], ctx: Ctx): OpListing[] {
  return ops.map((op) => {
    const { flagDefs } = resolveOperation(op.fullname, ctx);
    const names = Object.keys(flagDefs).sort();
    return { ...op, flags: names.map((name) => flagSummary(flagDefs[name] as FlagDef)) };
  });
}
