/** The run stores Guild AI itself wrote (fixtures/guild-stores), extracted. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./guild-cli.js";

export const GUILD_STORES = ["guild-2020", "guild-0.9.1"] as const;

export interface ExtractedStore {
  root: string;
  home: string;
  project: string;
  expected(name: "runs-list.txt" | "runs-info-1.txt"): string;
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
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
