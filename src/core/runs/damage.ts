/**
 * Warnings about damaged runs, so a listing shows what it can and says
 * what it could not: entries of `runs/` skipped because they are not
 * readable runs, and listed runs whose files could not be read (their
 * fields show blank, their status as best it can be derived).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { runsDirFor } from "../home.js";
import { attrProblem, fileErrorText } from "../store/attrs.js";
import { shortId } from "../store/ids.js";
import { parseOpref } from "../store/opref.js";
import { guildPath } from "../store/paths.js";
import { skippedEntries } from "../store/run-index.js";

/** What a listing showed of a run: a blank field may hide a damaged file. */
export interface ShownRun {
  dir: string;
  opDesc: string;
  started: unknown;
  label: string;
  status: string;
}

/**
 * `WARNING: …` lines for the store's skipped entries and the runs shown.
 * Only fields that came out blank (or a failed status) are looked into, so
 * a healthy listing reads nothing more.
 */
export function damageWarnings(home: string, shown: readonly ShownRun[]): string[] {
  const lines: string[] = [];
  for (const name of skippedEntries(home)) {
    const dir = join(runsDirFor(home), name);
    lines.push(`WARNING: skipping ${dir}: ${notRunReason(dir)}\n`);
  }
  for (const run of shown) {
    const problems = runProblems(run);
    if (problems.length) lines.push(`WARNING: run ${shortId(run.dir.slice(run.dir.lastIndexOf("/") + 1))}: ${problems.join(", ")}\n`);
  }
  return lines;
}

/** Why an entry of `runs/` is not a run. */
export function notRunReason(dir: string): string {
  const entries = listDir(dir);
  if (typeof entries === "string") return entries;
  if (!entries.length) return "empty directory";
  const guild = listDir(guildPath(dir));
  if (typeof guild === "string") return `.guild: ${guild}`;
  return guild.includes("opref") ? ".guild/opref: cannot read" : "missing .guild/opref";
}

/** What could not be read of a listed run. */
export function runProblems(run: ShownRun): string[] {
  const problems: string[] = [];
  if (run.opDesc === "?") problems.push(`.guild/opref: ${oprefProblem(run.dir)}`);
  const suspects = [
    run.started === undefined ? "started" : undefined,
    run.label === "" ? "label" : undefined,
    run.status === "error" || run.status === "terminated" ? "exit_status" : undefined,
  ];
  for (const name of suspects) {
    const problem = name && attrProblem(run.dir, name);
    if (problem) problems.push(`.guild/attrs/${name}: ${problem}`);
  }
  return problems;
}

function oprefProblem(dir: string): string {
  try {
    return parseOpref(readFileSync(guildPath(dir, "opref"), "utf8").split("\n")[0] ?? "") ? "cannot read" : "invalid";
  } catch (e) {
    return fileErrorText((e as NodeJS.ErrnoException).code);
  }
}

function listDir(dir: string): string[] | string {
  try {
    if (!statSync(dir).isDirectory()) return "not a directory";
    return readdirSync(dir);
  } catch (e) {
    return fileErrorText((e as NodeJS.ErrnoException).code);
  }
}
