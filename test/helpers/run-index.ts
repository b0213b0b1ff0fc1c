/**
 * Shared by the run index's end-to-end tests: reading the index file, and
 * rebuilding it until every given run is cached as a record.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { guildOk, type GuildEnv } from "./guild-cli.js";

export function indexText(home: string): string {
  return readFileSync(join(home, "cache", "runs-index-v4"), "utf8");
}

/**
 * Rebuilds the index (`guild runs` on a removed cache) until each of `ids`
 * is a record `record(id)` matches: a status is cached only once its files
 * are a few ms old, so one listing may not be enough.
 */
export async function cacheAllRuns(g: GuildEnv, ids: readonly string[], record: (id: string) => RegExp): Promise<void> {
  const home = g.home;
  const deadline = Date.now() + 60_000;
  for (;;) {
    rmSync(join(home, "cache"), { recursive: true, force: true });
    await guildOk(["runs"], g);
    const text = indexText(home);
    if (ids.every((id) => record(id).test(text))) return;
    assert.ok(Date.now() < deadline, `runs never cached:\n${text}`);
  }
}

/** Each listed row of `guild runs` as its id prefix and its columns (split on two or more spaces). */
export function listedRows(out: string): { id: string | undefined; cols: string[] }[] {
  return out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => ({ id: /^\[\d+:([0-9a-f]{8})\]/.exec(line)?.[1], cols: line.split(/\s{2,}/) }));
}
