/** The builtin operations: the default batch `+`, the random optimizer and `queue`. */
import type { BatchOptimizer } from "../batch/trials.js";
import { OPTIMIZER_FLAG_DEFS, type ModelOptimizerName } from "../batch/optimizer-flags.js";
import type { FlagDef } from "../guildfile/types.js";
import { BUILTIN_PKG_VERSION } from "../package-info.js";
import type { Operation } from "./operation.js";
import { FLAG_ARGS_TOKEN } from "./operation.js";

function builtin(modelName: string, opName: string): Operation["opref"] {
  return { pkgType: "builtin", pkgName: "guildai", pkgVersion: BUILTIN_PKG_VERSION, modelName, opName };
}

const QUEUE_FLAGS: Record<string, FlagDef> = {
  "poll-interval": {
    name: "poll-interval",
    default: 10,
    type: "int",
    min: 0,
    description: "Minimum number of seconds between polls",
  },
  "run-once": {
    name: "run-once",
    default: false,
    type: "boolean",
    argSwitch: true,
    description: "Run all staged runs and stop",
  },
  "wait-for-running": {
    name: "wait-for-running",
    default: false,
    type: "boolean",
    argSwitch: true,
    description: "Wait for other runs to stop before starting staged runs",
  },
  gpus: { name: "gpus", default: null, description: "GPUs available to run staged runs" },
  // Ours (beyond Guild): the broker's worker (core/broker/worker.ts).
  broker: { name: "broker", default: null, description: "Take staged runs from this broker (redis://HOST:PORT[/DB]; default $GUILD_BROKER)" },
  concurrency: { name: "concurrency", default: null, type: "int", min: 1, description: "Runs at once (with a broker; default 1)" },
  "retry-lost": { name: "retry-lost", default: null, type: "int", min: 0, description: "Start a run lost with its host again, at most this many times (with a broker; default 0)" },
};

export function queueOperation(): Operation {
  return {
    kind: "queue",
    opref: builtin("queue", "queue"),
    opDesc: "queue",
    guildOp: "queue:queue",
    projectDir: null,
    projectDirEnv: "",
    sourcecodeRoot: null,
    flagDefs: QUEUE_FLAGS,
    flagsDest: "args",
    cmdArgs: ["${python_exe}", "-um", "guild.plugins.queue_main", FLAG_ARGS_TOKEN],
    cmdEnv: {},
    labelTemplate: null,
  };
}

export function batchOperation(): Operation {
  return {
    kind: "batch",
    opref: builtin("", "+"),
    opDesc: "+",
    guildOp: "+",
    projectDir: null,
    projectDirEnv: "",
    sourcecodeRoot: null,
    flagDefs: {},
    flagsDest: "args",
    cmdArgs: ["${python_exe}", "-um", "guild.batch_main"],
    cmdEnv: {},
    labelTemplate: null,
  };
}

/** Random search (Guild's skopt `random` optimizer), driven in-process like `+`. */
export function randomOperation(): Operation {
  return {
    kind: "batch",
    opref: builtin("skopt", "random"),
    opDesc: "random",
    guildOp: "skopt:random",
    projectDir: null,
    projectDirEnv: "",
    sourcecodeRoot: null,
    flagDefs: {},
    flagsDest: "args",
    cmdArgs: ["${python_exe}", "-um", "guild.plugins.random_main"],
    cmdEnv: {},
    labelTemplate: null,
  };
}

/** A Bayesian optimizer (`skopt:gp`, ...; `skopt:tpe` is ours), driven in-process like `+`. */
export function modelOptimizerOperation(name: ModelOptimizerName): Operation {
  return {
    kind: "batch",
    opref: builtin("skopt", name),
    opDesc: name,
    guildOp: `skopt:${name}`,
    projectDir: null,
    projectDirEnv: "",
    sourcecodeRoot: null,
    flagDefs: OPTIMIZER_FLAG_DEFS[name],
    flagsDest: "args",
    cmdArgs: ["${python_exe}", "-um", `guild.plugins.skopt_${name}_main`],
    cmdEnv: {},
    labelTemplate: null,
  };
}

/** The batch operation that runs a batch with this optimizer. */
export function batchOperationFor(optimizer: BatchOptimizer): Operation {
  if (optimizer === "+") return batchOperation();
  if (optimizer === "random") return randomOperation();
  return modelOptimizerOperation(optimizer);
}

export function isQueueSpec(spec: string): boolean {
  return spec === "queue" || spec === "queue:queue";
}
