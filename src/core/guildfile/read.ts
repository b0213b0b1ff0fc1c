/** Finds and reads `guild.yml` in a project directory. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadYaml } from "../yaml/guild-yaml.js";
import { md5Hex } from "../util/md5.js";
import { parseGuildfile } from "./parse.js";
import type { Guildfile } from "./types.js";

export const GUILDFILE_NAMES = ["guild.yml"] as const;

export type GuildfileRead =
  | { kind: "missing" }
  | { kind: "ok"; guildfile: Guildfile }
  | { kind: "invalid"; path: string; errors: string[] };

export function readGuildfile(dir: string): GuildfileRead {
  const path = join(dir, "guild.yml");
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return { kind: "invalid", path, errors: [(e as Error).message] };
  }
  let data: unknown;
  try {
    data = loadYaml(bytes.toString("utf8"));
  } catch (e) {
    return { kind: "invalid", path, errors: [firstLine((e as Error).message)] };
  }
  const digest = md5Hex([bytes]);
  const result = parseGuildfile(data, path, dir, digest);
  return result.guildfile ? { kind: "ok", guildfile: result.guildfile } : { kind: "invalid", path, errors: result.errors };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
