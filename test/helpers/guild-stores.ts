/** The run stores Guild AI itself wrote (fixtures/guild-stores), extracted. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./guild-cli.js";

export const GUILD_STORES = ["guild-2020", "guild-0.9.1"] as const;

/** Where Guild wrote the stores; paths in their attrs and oprefs point there. */
export const GUILD_STORES_ROOT = "/srv/guild-example";

export interface ExtractedStore {
  root: string;
  home: string;
  project: string;
  expected(name: "runs-list.txt" | "runs-info-1.txt"): string;
  /** `text` with the extracted root shown as the root Guild wrote to. */
  asWritten(text: string): string;
  cleanup(): void;
}

export function extractStore(name: (typeof GUILD_STORES)[number]): ExtractedStore {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `${name}-`)));
  execFileSync("tar", ["xzf", join(REPO_ROOT, "fixtures", "guild-stores", `${name}.tgz`), "-C", root]);
  return {
    root,
    home: join(root, "home"),
    project: join(root, "project"),
    expected: (file) => readFileSync(join(root, file), "utf8"),
    asWritten: (text) => text.replaceAll(root, GUILD_STORES_ROOT),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Points the store's oprefs (runs and batch protos) at the extracted project,
 * as if Guild had written the store where it was extracted, so a listing
 * from the project dir relates to it as Guild's did.
 */
export function relocateOprefs(store: ExtractedStore): void {
  for (const runsDir of [join(store.home, "runs"), join(store.home, "trash", "runs")]) {
    let ids: string[];
    try {
      ids = readdirSync(runsDir);
    } catch {
      continue;
    }
    for (const id of ids) {
      for (const opref of [join(runsDir, id, ".guild", "opref"), join(runsDir, id, ".guild", "proto", ".guild", "opref")]) {
        let text: string;
        try {
          text = readFileSync(opref, "utf8");
        } catch {
          continue;
        }
        writeFileSync(opref, text.replaceAll(GUILD_STORES_ROOT, store.root));
      }
    }
  }
}
