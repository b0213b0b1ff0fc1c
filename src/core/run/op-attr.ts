/**
 * The `op` attribute: the command template and settings a run needs to be
 * started again (by us or by Guild AI), in Guild's layout. `--start` rebuilds
 * an `Operation` from it, so a run staged by Guild starts here too.
 */
import { isFlagMap, nameMap, ownValue, type FlagMap, type FlagValue } from "../flags/value.js";
import type { FlagDef } from "../guildfile/types.js";
import { kindForCmdArgs, type Operation } from "../op/operation.js";
import { readAttr } from "../store/attrs.js";
import { opDescFor, type OpRef } from "../store/opref.js";
import type { CmdFlag } from "./command.js";

export function cmdFlagsFor(flagDefs: Record<string, FlagDef>): Record<string, CmdFlag> {
  const out: Record<string, CmdFlag> = {};
  for (const [name, def] of Object.entries(flagDefs)) {
    const cf: CmdFlag = {};
    if (def.argName !== undefined) cf.argName = def.argName;
    if (def.argSkip) cf.argSkip = true;
    if (def.argSwitch !== undefined) cf.argSwitch = def.argSwitch;
    if (def.envName !== undefined) cf.envName = def.envName;
    if (Object.keys(cf).length) out[name] = cf;
  }
  return out;
}

function cmdFlagsAttr(cmdFlags: Record<string, CmdFlag>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, cf] of Object.entries(cmdFlags)) {
    const m: Record<string, unknown> = {};
    if (cf.argName !== undefined) m["arg-name"] = cf.argName;
    if (cf.argSkip) m["arg-skip"] = true;
    if (cf.argSwitch !== undefined) m["arg-switch"] = cf.argSwitch;
    if (cf.envName !== undefined) m["env-name"] = cf.envName;
    out[name] = m;
  }
  return out;
}

// A batch writes the same op attr into every trial: build it once per op.
const opAttrs = new WeakMap<Operation, Record<string, unknown>>();

export function opAttrFor(op: Operation): Record<string, unknown> {
  let attr = opAttrs.get(op);
  if (!attr) {
    attr = buildOpAttr(op);
    opAttrs.set(op, attr);
  }
  return attr;
}

function buildOpAttr(op: Operation): Record<string, unknown> {
  const cmdFlags = cmdFlagsFor(op.flagDefs);
  const opCmd: Record<string, unknown> = { "cmd-args": op.cmdArgs, "cmd-env": op.cmdEnv };
  if (Object.keys(cmdFlags).length) opCmd["cmd-flags"] = cmdFlagsAttr(cmdFlags);
  opCmd["flags-dest"] = op.flagsDest;
  const nullLabels = Object.fromEntries(
    Object.values(op.flagDefs)
      .filter((d) => d.nullLabel !== undefined)
      .map((d) => [d.name, d.nullLabel]),
  );
  return {
    deps: [],
    "flag-null-labels": nullLabels,
    "label-template": op.labelTemplate,
    "op-cmd": opCmd,
    "output-scalars": op.outputScalars ?? null,
    "python-requires": null,
    "sourcecode-root": op.sourcecodeRoot === null ? null : SOURCECODE_DIR,
  };
}

export const SOURCECODE_DIR = ".guild/sourcecode";

/** The operation a run was made for, from its `opref` and `op` attr. */
export function operationFromAttrs(opref: OpRef, opAttr: unknown): Operation | undefined {
  if (!isFlagMap(opAttr) || !isFlagMap(opAttr["op-cmd"])) return undefined;
  const opCmd = opAttr["op-cmd"];
  const cmdArgs = Array.isArray(opCmd["cmd-args"]) ? opCmd["cmd-args"].map(String) : [];
  const cmdEnv = isFlagMap(opCmd["cmd-env"]) ? stringMap(opCmd["cmd-env"]) : {};
  const projectDir = cmdEnv.PROJECT_DIR ?? "";
  return {
    kind: kindForCmdArgs(cmdArgs),
    opref,
    opDesc: opDescFor(opref),
    guildOp: opDescFor(opref),
    projectDir: projectDir || null,
    projectDirEnv: projectDir,
    sourcecodeRoot: null,
    flagDefs: flagDefsFromCmdFlags(opCmd["cmd-flags"], opAttr["flag-null-labels"]),
    flagsDest: typeof opCmd["flags-dest"] === "string" ? opCmd["flags-dest"] : "args",
    cmdArgs,
    cmdEnv,
    labelTemplate: typeof opAttr["label-template"] === "string" ? opAttr["label-template"] : null,
    outputScalars: opAttr["output-scalars"] ?? undefined,
  };
}

/** Reads the `op` attr of a run dir (or a batch's proto dir). */
export function operationForRunDir(runDir: string, opref: OpRef): Operation | undefined {
  return operationFromAttrs(opref, readAttr(runDir, "op"));
}

function flagDefsFromCmdFlags(cmdFlags: unknown, nullLabels: unknown): Record<string, FlagDef> {
  const defs: Record<string, FlagDef> = nameMap();
  for (const [name, cf] of Object.entries(isFlagMap(cmdFlags) ? cmdFlags : {})) {
    const m = isFlagMap(cf) ? cf : {};
    const def: FlagDef = { name };
    if (m["arg-name"] != null) def.argName = String(m["arg-name"]);
    if (m["arg-skip"] === true) def.argSkip = true;
    if ("arg-switch" in m) def.argSwitch = m["arg-switch"] as FlagValue;
    if (m["env-name"] != null) def.envName = String(m["env-name"]);
    defs[name] = def;
  }
  for (const [name, label] of Object.entries(isFlagMap(nullLabels) ? nullLabels : {})) {
    defs[name] = { ...(ownValue(defs, name) ?? { name }), nullLabel: String(label) };
  }
  return defs;
}

function stringMap(m: FlagMap): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null ? "" : String(v)]));
}
