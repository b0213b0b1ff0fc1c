/** Where this package's own files are, and its version. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const VERSION = "0.1.0";

/** The version written into `builtin:guildai <version>` oprefs. */
export const BUILTIN_PKG_VERSION = VERSION;

let root: string | undefined;

/**
 * The package root: the nearest directory above this module holding our
 * Python runtime. Found by looking, because this code runs both from
 * dist/src (tsc) and from dist/bundle (the bin).
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "python", "guild", "op_main.py"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the guild package root (python/guild/op_main.py)");
    dir = parent;
  }
  root = dir;
  return root;
}

/** Our Python runtime (`guild.op_main`, flag import), put on PYTHONPATH. */
export function pythonDir(): string {
  return join(packageRoot(), "python");
}
