/**
 * Flags imported from a Python script (argparse options or module globals),
 * by running our helper `python/guild/import_flags.py`. Results are cached
 * per script under `<home>/cache/import-flags-ts/` and stay valid while the
 * script is not newer than the cache entry.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Ctx } from "../context.js";
import { isFlagMap, nameMap, type FlagMap, type FlagValue } from "../flags/value.js";
import { parseFlagDef } from "../guildfile/flag-def.js";
import type { FlagDef } from "../guildfile/types.js";
import { pythonDir } from "../package-info.js";
import { writeFileAtomic } from "../store/atomic.js";
import { dim } from "../util/ansi.js";
import { md5Hex } from "../util/md5.js";
import { loadYaml } from "../yaml/guild-yaml.js";
import { decodeFlagCache, encodeFlagCache } from "./flags-cache-codec.js";
import { pythonExe } from "./python-exe.js";

export interface ImportedFlags {
  dest: "args" | "globals";
  flags: Record<string, FlagDef>;
}

// Bump when the helper's output or the cache's format changes, so old cache
// entries are ignored (3: JSON, see flags-cache-codec.ts; 2 was YAML).
const IMPORTER_VERSION = 3;

export function importScriptFlags(scriptPath: string, ctx: Ctx): ImportedFlags {
  const cachePath = cachePathFor(ctx.home, scriptPath);
  const cached = ctx.env.NO_IMPORT_FLAGS_CACHE === "1" ? undefined : readCache(cachePath, scriptPath);
  const data = cached ?? runImporter(scriptPath, ctx);
  if (!cached) writeCache(cachePath, data);
  return importedFlagsFor(data);
}

function cachePathFor(home: string, scriptPath: string): string {
  const key = md5Hex([scriptPath]);
  return join(home, "cache", "import-flags-ts", key);
}

function readCache(cachePath: string, scriptPath: string): FlagMap | undefined {
  try {
    if (statSync(scriptPath).mtimeMs > statSync(cachePath).mtimeMs) return undefined;
    const data = decodeFlagCache(readFileSync(cachePath, "utf8"));
    return isFlagMap(data) && data.$importer === IMPORTER_VERSION ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cachePath: string, data: FlagMap): void {
  try {
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileAtomic(cachePath, encodeFlagCache({ ...data, $importer: IMPORTER_VERSION }));
  } catch {
    // A cache we cannot write only costs speed next time.
  }
}

function runImporter(scriptPath: string, ctx: Ctx): FlagMap {
  if (ctx.env.NO_IMPORT_FLAGS_PROGRESS !== "1") ctx.out.stderr(`${dim("Refreshing flags...")}\n`);
  const result = spawnSync(pythonExe(ctx.env), [join(pythonDir(), "guild", "import_flags.py"), scriptPath], {
    cwd: dirname(scriptPath),
    env: { ...ctx.env, PYTHONPATH: joinPath(pythonDir(), ctx.env.PYTHONPATH) },
    encoding: "utf8",
  });
  if (result.stderr) ctx.out.stderr(result.stderr);
  try {
    const data = loadYaml(result.stdout);
    if (isFlagMap(data)) return data;
  } catch {
    // fall through: no flags imported
  }
  ctx.out.stderr(`WARNING: cannot import flags from ${scriptPath}: ${result.error?.message ?? "no output"}\n`);
  return { $dest: "args" };
}

function importedFlagsFor(data: FlagMap): ImportedFlags {
  const flags: Record<string, FlagDef> = nameMap();
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (name.startsWith("$")) continue;
    const def = isFlagMap(value) ? parseFlagDef(name, value as FlagValue, name, ignored) : undefined;
    if (def) flags[name] = def;
  }
  return { dest: data.$dest === "globals" ? "globals" : "args", flags };
}

export function joinPath(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(":");
}
