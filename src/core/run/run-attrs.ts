/** The attributes Guild writes when it initialises a run (§1.4). */
import { arch, cpus, release, userInfo } from "node:os";
import type { FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { pythonExe } from "../op/python-exe.js";
import { timestampUs } from "../store/ids.js";
import { hostName } from "../util/proc.js";
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
    host: hostName(),
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

// Facts about this process and machine, read once: a batch writes them
// into every trial.
let user: string | undefined;
let platform: Record<string, unknown> | undefined;

function userName(): string {
  if (user === undefined) {
    try {
      user = userInfo().username;
    } catch {
      user = process.env.USER ?? "";
    }
  }
  return user;
}

function platformAttr(): Record<string, unknown> {
  platform ??= {
    architecture: arch(),
    cpus: cpus().length,
    uname: `${process.platform} ${hostName()} ${release()}`,
  };
  return platform;
}
