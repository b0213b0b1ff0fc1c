/**
 * The log directory `guild tensorboard` gives TensorBoard (Guild's
 * RunsMonitor, prepared once): one directory per run named as Guild names
 * it (`<short id> <op> <started> [label]`), holding a link to each of the
 * run's event files at its path in the run, and beside each a
 * `events.out.tfevents.0000000000.hparams` file with the HParams
 * experiment, the run's session start (its flags) and end (its status).
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync, type Dirent } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Ctx } from "../context.js";
import { opCompareReader } from "../compare/op-compare.js";
import { isFlagMap } from "../flags/value.js";
import type { RunRow } from "../runs/list.js";
import { runScalars } from "../scalars/run-scalars.js";
import { readAttr } from "../store/attrs.js";
import { readOpref } from "../store/opref.js";
import { experimentEvent, sessionEndEvent, sessionStartEvent, statusFor, type HParamValue } from "../tfevent/hparams.js";
import { frameRecord } from "../tfevent/tfrecord.js";
import { formatTimestampUs } from "../util/time-format.js";
import { experimentHParams, runHParams, runMetricTags } from "./hparam-values.js";

export const HPARAMS_FILE = "events.out.tfevents.0000000000.hparams";

interface PreparedRun {
  row: RunRow;
  name: string;
  hparams: Record<string, HParamValue>;
  eventFiles: string[];
}

/** Fills `logdir`; returns the number of runs linked (runs without event files have nothing to show). */
export function prepareLogdir(logdir: string, rows: readonly RunRow[], o: { hparams: boolean }, ctx: Ctx): number {
  const compare = opCompareReader((line) => ctx.out.stderr(`${line}\n`));
  const metrics = new Set<string>();
  const runs: PreparedRun[] = rows.map((row) => {
    const flags = readAttr(row.dir, "flags");
    const scalars = runScalars(row.dir);
    for (const tag of runMetricTags(compare.colsFor(row.dir), scalars.map((s) => s.key))) metrics.add(tag);
    return { row, name: runName(row), hparams: runHParams(isFlagMap(flags) ? flags : {}, row.digest), eventFiles: eventFilesIn(row.dir) };
  });
  const now = Date.now() / 1000;
  const experiment = experimentEvent(experimentHParams(runs.map((r) => r.hparams)), [...metrics], now, now);
  let linked = 0;
  for (const run of runs) {
    for (const file of run.eventFiles) {
      const link = join(logdir, run.name, relative(run.row.dir, file));
      mkdirSync(dirname(link), { recursive: true });
      if (o.hparams) writeHParams(dirname(link), run, experiment, now);
      symlinkSync(file, link);
    }
    if (run.eventFiles.length) linked++;
  }
  return linked;
}

function writeHParams(dir: string, run: PreparedRun, experiment: Uint8Array, now: number): void {
  const started = readAttr(run.row.dir, "started");
  const startSecs = typeof started === "number" ? started / 1e6 : now;
  const group = `${run.row.id.slice(0, 8)} ${run.row.opDesc}`;
  const events = [experiment, sessionStartEvent(group, run.hparams, startSecs, now)];
  const status = statusFor(run.row.status);
  if (status) events.push(sessionEndEvent(status, now));
  writeFileSync(join(dir, HPARAMS_FILE), Buffer.concat(events.map(frameRecord)));
}

/** Guild's run name, with the one character TensorBoard's UI cannot show replaced. */
export function runName(row: RunRow): string {
  const opref = readOpref(row.dir);
  const op = opref?.modelName ? `${opref.modelName}:${opref.opName}` : (opref?.opName ?? row.opDesc);
  const parts = [row.id.slice(0, 8), op, formatTimestampUs(row.started)];
  if (row.label) parts.push(row.label);
  return parts.join(" ").trim().replaceAll("\u2026", "?");
}

/** Event files anywhere in the run dir; links (a batch's trials) are not followed, as os.walk does not. */
function eventFilesIn(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...eventFilesIn(path));
    else if (e.isFile() && e.name.includes(".tfevents")) out.push(path);
  }
  return out;
}
