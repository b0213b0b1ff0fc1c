/**
 * A run's event files, as the scalar summary finds them
 * (core/scalars/run-scalars.ts): every directory under the run holding
 * `*.tfevents.*` files, files in name order, each with how its tags are
 * keyed (`loss`, or `eval#loss` outside the run dir and `.guild`).
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { eventDirs, isEventFile, scalarKey } from "../scalars/run-scalars.js";
import { compareCodePoints } from "../yaml/emitter.js";

export interface EventFile {
  /** Relative to the run dir. */
  path: string;
  key(tag: string): string;
}

export function eventFiles(runDir: string): EventFile[] {
  const files: EventFile[] = [];
  for (const dir of eventDirs(runDir, false)) {
    const prefix = relative(runDir, dir).split(sep).join("/");
    const key = (tag: string) => scalarKey(prefix, tag);
    for (const name of listNames(dir).filter(isEventFile).sort(compareCodePoints)) {
      files.push({ path: relative(runDir, join(dir, name)), key });
    }
  }
  return files;
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
