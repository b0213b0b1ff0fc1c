/**
 * A batch's proto (the user's op and flags, under `.guild/proto`) and the
 * trial runs made from it: each a copy of the proto with one trial's
 * flags, linked from the batch dir, created claimed by the batch
 * (`pending`) or staged for later.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { isFlagMap, type FlagMap } from "../flags/value.js";
import { runsDirFor } from "../home.js";
import { renderLabel } from "../label.js";
import type { Operation } from "../op/operation.js";
import { readAttr } from "../store/attrs.js";
import { newRunId } from "../store/ids.js";
import { readOpref } from "../store/opref.js";
import { guildPath, protoDir } from "../store/paths.js";
import { createRun } from "../run/new-run.js";
import { operationForRunDir } from "../run/op-attr.js";
import { defaultRunOptions, runParamsFor } from "../run/options.js";
import { envFileFor } from "../run/env-file.js";
import { stageClaimedRun } from "../run/stage.js";

export interface Proto {
  dir: string;
  sourcecodeDigest: string | null;
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  /** Trials from batch files. */
  trials?: FlagMap[];
}

export interface Trial {
  id: string;
  dir: string;
  flags: FlagMap;
}

export function readProto(batchDir: string): Proto {
  const dir = protoDir(batchDir);
  const opref = readOpref(dir);
  const op = opref && operationForRunDir(dir, opref);
  if (!op) fail(`cannot start batch in ${batchDir}: missing or invalid proto in ${dir}`);
  const flags = readAttr(dir, "flags");
  const userFlags = readAttr(dir, "user_flags");
  const trials = readAttr(dir, "trials");
  const digest = readAttr(dir, "sourcecode_digest");
  return {
    dir,
    sourcecodeDigest: typeof digest === "string" ? digest : null,
    op: { ...op, sourcecodeRoot: null },
    flags: isFlagMap(flags) ? flags : {},
    userFlags: isFlagMap(userFlags) ? userFlags : {},
    ...(Array.isArray(trials) ? { trials: trials.filter(isFlagMap) } : {}),
  };
}

/** A trial: a copy of the proto with one trial's flags, claimed by us or staged. */
export function createTrial(
  batchDir: string,
  proto: Proto,
  flags: FlagMap,
  state: "pending" | "staged",
  ctx: Ctx,
  id = newRunId(),
): Trial {
  const warn = (line: string) => ctx.out.stderr(`${line}\n`);
  const dir = join(runsDirFor(ctx.home), id);
  createRun(
    {
      id,
      op: proto.op,
      flags,
      userFlags: proto.userFlags,
      // The proto's template (from -l/-t or the op) with this trial's flags.
      label: renderLabel(proto.op.labelTemplate, flags, warn) || null,
      runParams: { ...runParamsFor({ ...defaultRunOptions(), stage: state === "staged", yes: true }), restart: id },
      sourcecodeDir: guildPath(proto.dir, "sourcecode"),
      sourcecodeDigest: proto.sourcecodeDigest,
      state,
      guildFiles: state === "staged" ? { ENV: envFileFor({ op: proto.op, runDir: dir, runId: id, flags }, ctx) } : undefined,
    },
    ctx,
  );
  symlinkSync(join("..", id), join(batchDir, id));
  return { id, dir, flags };
}

/** Trials the batch will not run are handed over staged: nothing is lost. */
export function stageRemaining(trials: Trial[], proto: Proto, ctx: Ctx): void {
  for (const t of trials) stageClaimedRun({ op: proto.op, runDir: t.dir, runId: t.id, flags: t.flags }, ctx);
}
