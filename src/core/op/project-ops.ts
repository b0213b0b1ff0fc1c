/** The project's operations for `guild operations` (none without a guild.yml). */
import { readGuildfile } from "../guildfile/read.js";
import { listOperations, type OpListing } from "./operations-list.js";
import { failGuildfileInvalid } from "./resolve.js";

export function projectOperations(dir: string, filters: readonly string[], all: boolean): OpListing[] {
  const read = readGuildfile(dir);
  if (read.kind === "missing") return [];
  if (read.kind === "invalid") failGuildfileInvalid(read.path, read.errors, "in the current directory");
  return listOperations(read.guildfile, filters, all);
}
