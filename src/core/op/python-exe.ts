/**
 * The Python interpreter operations run with: `python3` from PATH, recorded
 * as an absolute path the way Guild records `sys.executable`.
 */
import { accessSync, constants } from "node:fs";
import { join } from "node:path";

const cache = new Map<string, string>();

export function pythonExe(env: NodeJS.ProcessEnv): string {
  const path = env.PATH ?? "";
  let exe = cache.get(path);
  if (exe === undefined) {
    exe = findOnPath("python3", path) ?? "python3";
    cache.set(path, exe);
  }
  return exe;
}

function findOnPath(name: string, pathVar: string): string | undefined {
  for (const dir of pathVar.split(":")) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}
