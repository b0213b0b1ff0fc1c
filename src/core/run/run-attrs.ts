/** The attributes Guild writes when it initialises a run (§1.4). */
import { arch, cpus, hostname, release, userInfo } from "node:os";
import type { FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { pythonExe } from "../op/python-exe.js";
import { timestampUs } from "../store/ids.js";
import { commandArgsFor } from "./command.js";
import { cmdFlagsFor, opAttrFor } from "./op-attr.js";

export interface RunAttrsRequest {
  id: string;
  op: Operation;
  flags: FlagMap;
  userFlags: FlagMap;
  label: string | null;
  runParams: Record<string, unknown>;
  randomSeed?: number;
  sourcecodeDigest?: string | null;
  extra?: Record<string, unknown>;
}

export function initialRunAttrs(req: RunAttrsRequest, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const attrs: Record<string, unknown> = {
    id: req.id,
    initialized: timestampUs(),
    cmd: commandFor(req.op, req.flags, env).argv,
    flags: req.flags,
    user_flags: req.userFlags,
    run_params: req.runParams,
    random_seed: req.randomSeed ?? randomSeed(),
    op: opAttrFor(req.op),
    host: hostname(),
    user: userName(),
    platform: platformAttr(),
    deps: {},
    ...req.extra,
  };
  if (req.label) attrs.label = req.label;
  if (req.sourcecodeDigest !== undefined) attrs.sourcecode_digest = req.sourcecodeDigest;
  return attrs;
}

export function commandFor(op: Operation, flags: FlagMap, env: NodeJS.ProcessEnv) {
  return commandArgsFor({
    cmdArgs: op.cmdArgs,
    cmdFlags: cmdFlagsFor(op.flagDefs),
    flagsDest: op.flagsDest,
    flags,
    pythonExe: pythonExe(env),
  });
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "";
  }
}

function platformAttr(): Record<string, unknown> {
  return {
    architecture: arch(),
    cpus: cpus().length,
    uname: `${process.platform} ${hostname()} ${release()}`,
  };
}
