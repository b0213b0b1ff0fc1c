/** A temp copy of a fixture project and an empty Guild home beside it. */
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./guild-cli.js";

export interface TempProject {
  root: string;
  cwd: string;
  home: string;
  cleanup(): void;
}

/** `source` is relative to the repo root, e.g. `examples/say`. */
export function tempProject(source: string): TempProject {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "guild-e2e-")));
  const cwd = join(root, "project");
  cpSync(join(REPO_ROOT, source), cwd, { recursive: true });
  return {
    root,
    cwd,
    home: join(root, "home"),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
