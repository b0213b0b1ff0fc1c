/**
 * Loads a command's bundle (dist/bundle/entries/*.js) with a V8 code cache:
 * compiling the few hundred kilobytes of a bundle costs a command more than
 * most of its work, and Node 20 has no compile cache of its own
 * (module.enableCompileCache came in Node 22). The bundle runs as CommonJS
 * would run it, through `vm.Script` given the cache; the cache is made at
 * exit, so it holds the functions the command compiled, not only the top
 * level.
 *
 * The cache is only a cache: it is looked for beside the bundles
 * (`dist/.code-cache/`, outside the package's files), then in the user's
 * cache dir; one that is missing, stale (another bundle or Node), rejected
 * by V8 or unreadable is replaced at exit, where it can be written
 * (atomically); where nothing can be written, nothing is cached. No failure
 * of the cache ever fails a command. NODE_DISABLE_COMPILE_CACHE=1 (as in
 * Node 22) turns it off.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

const MAGIC = "guild-code-cache 1";

const loaded = new Map<string, unknown>();

/** The bundle's `module.exports`, run once per process. */
export function loadBundle(file: string): unknown {
  if (!loaded.has(file)) loaded.set(file, runBundle(file));
  return loaded.get(file);
}

type Wrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

function runBundle(file: string): unknown {
  const source = readFileSync(file, "utf8");
  const enabled = process.env.NODE_DISABLE_COMPILE_CACHE !== "1";
  const key = enabled ? cacheKey(file) : undefined;
  const places = key === undefined ? [] : cachePlaces(file);
  const cachedData = key === undefined ? undefined : readCache(places, key);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  if (key !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    process.once("exit", () => writeCache(places, key, script));
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as Wrapper).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** What the cache must have been made from: this bundle file and this Node. */
function cacheKey(file: string): string | undefined {
  try {
    const st = statSync(file);
    // ctime changes with every write or install of the file, even one that keeps its size and mtime.
    return [process.version, process.arch, st.size, st.mtimeMs, st.ctimeMs, st.ino].join(" ");
  } catch {
    return undefined;
  }
}

/** Beside the bundles first; the user's cache dir for an install we cannot write. */
function cachePlaces(file: string): string[] {
  const name = `${basename(file)}.cache`;
  const besides = join(dirname(dirname(dirname(file))), ".code-cache", name);
  const userDir = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return [besides, join(userDir, "guild-ts", "code-cache", `${pathHash(file)}-${name}`)];
}

/** FNV-1a of the bundle's path: one user cache entry per install. */
function pathHash(path: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function readCache(places: readonly string[], key: string): Buffer | undefined {
  for (const path of places) {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch {
      continue;
    }
    const nl = buf.indexOf(10);
    if (nl < 0) continue;
    const data = buf.subarray(nl + 1);
    if (buf.toString("utf8", 0, nl) === header(key, data.length)) return data;
  }
  return undefined;
}

function header(key: string, length: number): string {
  return `${MAGIC} ${length} ${key}`;
}

function writeCache(places: readonly string[], key: string, script: Script): void {
  for (const path of places) {
    const tmp = `${path}.${process.pid}.tmp`;
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(tmp, "wx");
    } catch {
      continue;
    }
    try {
      const data = script.createCachedData();
      writeFileSync(fd, Buffer.concat([Buffer.from(`${header(key, data.length)}\n`), data]));
      closeSync(fd);
      renameSync(tmp, path);
      return;
    } catch {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(tmp, { force: true });
    }
  }
}
