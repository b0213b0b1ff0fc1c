/**
 * Finding one run for `--start RUN`: a run directory path, else a unique run
 * id prefix (Guild's rules; `--start` takes no list indexes).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fail, failPlain } from "../errors.js";
import { runsDirFor } from "../home.js";
import { msg } from "../messages.js";
import { shortId } from "./ids.js";
import { guildPath, protoDir } from "./paths.js";

export interface FoundRun {
  id: string;
  dir: string;
}

export function isRunDir(dir: string): boolean {
  return existsSync(guildPath(dir, "opref"));
}

/** A batch run holds its trials' proto (`.guild/proto`); compare and tensorboard leave batches out by default. */
export function isBatchRun(dir: string): boolean {
  return existsSync(protoDir(dir));
}

export function listRunIds(home: string): string[] {
  try {
    return readdirSync(runsDirFor(home)).filter((name) => !name.startsWith("."));
  } catch {
    return [];
  }
}

export function findRunForStart(spec: string, home: string, cwd: string): FoundRun {
  if (isAbsolute(spec) || spec.startsWith(".")) {
    const dir = resolve(cwd, spec);
    if (isDir(dir) && isRunDir(dir)) return { id: dir.slice(dir.lastIndexOf("/") + 1), dir };
  }
  const runsDir = runsDirFor(home);
  // A whole id names its run without listing the store.
  if (/^[0-9a-f]{32}$/.test(spec) && isRunDir(join(runsDir, spec))) return { id: spec, dir: join(runsDir, spec) };
  const matches = listRunIds(home).filter((id) => id.startsWith(spec) && isRunDir(join(runsDir, id)));
  if (matches.length === 0) fail(msg.noRunMatch(spec));
  // Guild prints the matches as plain lines and exits with no `guild:` message.
  if (matches.length > 1) failPlain(msg.multipleRunsMatch(spec, matches.map(shortId)));
  const id = matches[0] as string;
  return { id, dir: join(runsDir, id) };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
