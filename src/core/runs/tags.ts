/**
 * Run tags (Guild 0.9's `guild tag`): the `tags` attr, a sorted list of
 * strings. `tagsAfter` and `labelWithTags` are pure; `tagRuns` writes.
 */
import { fail } from "../errors.js";
import { readAttr, writeAttr } from "../store/attrs.js";
import { shellSplit } from "../util/shell-quote.js";
import type { RunLocation } from "./delete.js";
import { removeLabelPart } from "./label.js";
import { tagsOf } from "./list.js";

export interface TagAction {
  add: readonly string[];
  delete: readonly string[];
  clear: boolean;
  /** Also prepend added tags to the label and remove deleted ones from it. */
  syncLabels: boolean;
}

/** Guild's checks: one of the actions is needed. */
export function checkTagAction(a: TagAction & { listAll: boolean }, cmdPath: string): void {
  if (!a.add.length && !a.delete.length && !a.clear && !a.listAll) {
    fail(`missing one of: --add, --delete, --clear, --list-all\nTry '${cmdPath} --help' for more information.`);
  }
  if (a.listAll && (a.add.length || a.delete.length || a.clear)) {
    fail(`--list-all cannot be used with --add, --delete or --clear\nTry '${cmdPath} --help' for more information.`);
  }
}

/** The tags a run has after the action: deleted (or all cleared), then added, sorted. */
export function tagsAfter(old: readonly string[], a: TagAction): string[] {
  const removed = new Set(a.clear ? old : a.delete);
  const tags = new Set(old.filter((t) => !removed.has(t)));
  for (const t of a.add) tags.add(t);
  return [...tags].sort();
}

/** `--sync-labels`: removed tags leave the label, added ones not in it are prepended. */
export function labelWithTags(label: string, old: readonly string[], a: TagAction): string {
  const removed = a.clear ? old : a.delete;
  let out = removed.reduce(removeLabelPart, label).trim();
  const parts = labelParts(label);
  const prepend = a.add.filter((t) => !parts.includes(t));
  if (prepend.length) out = `${prepend.join(" ")} ${out}`;
  return out;
}

function labelParts(label: string): string[] {
  try {
    return shellSplit(label);
  } catch {
    return label.split(/\s+/);
  }
}

export function runTags(runDir: string): string[] {
  return tagsOf(readAttr(runDir, "tags"));
}

export function tagRuns(runs: readonly RunLocation[], a: TagAction): number {
  for (const run of runs) {
    const old = runTags(run.dir);
    writeAttr(run.dir, "tags", tagsAfter(old, a));
    if (a.syncLabels) {
      const label = readAttr(run.dir, "label");
      writeAttr(run.dir, "label", labelWithTags(typeof label === "string" ? label : "", old, a));
    }
  }
  return runs.length;
}

/** `--list-all`: every tag of the runs, sorted, once. */
export function allTags(runs: readonly RunLocation[]): string[] {
  return [...new Set(runs.flatMap((r) => runTags(r.dir)))].sort();
}
