/** An `Operation` for an operation defined in guild.yml. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import type { FlagDef, Guildfile, OpDef } from "../guildfile/types.js";
import { hasName, nameMap, ownValue } from "../flags/value.js";
import { shellSplit } from "../util/shell-quote.js";
import type { Operation } from "./operation.js";
import { FLAG_ARGS_TOKEN } from "./operation.js";
import { importScriptFlags, type ImportedFlags } from "./script-flags.js";

export function operationForOpDef(gf: Guildfile, opdef: OpDef, ctx: Ctx): Operation {
  const base = {
    opref: {
      pkgType: "guildfile",
      pkgName: gf.path,
      pkgVersion: gf.digest,
      modelName: opdef.modelName,
      opName: opdef.name,
    },
    opDesc: opdef.modelName ? `${opdef.modelName}:${opdef.name}` : opdef.name,
    guildOp: opdef.modelName ? `${opdef.modelName}:${opdef.name}` : opdef.name,
    projectDir: gf.dir,
    projectDirEnv: gf.dir,
    sourcecodeRoot: opdef.sourcecode === false ? null : gf.dir,
    labelTemplate: opdef.label ?? null,
    outputScalars: opdef.outputScalars,
    opdef,
  };
  if (opdef.exec !== undefined) {
    return {
      ...base,
      kind: "process",
      flagDefs: opdef.flags,
      flagsDest: opdef.flagsDest ?? "args",
      cmdArgs: execArgs(opdef.exec),
      cmdEnv: { GUILD_PLUGINS: "", PROJECT_DIR: gf.dir, ...opdef.env },
    };
  }
  if (opdef.main === undefined && opdef.steps !== undefined) {
    return {
      ...base,
      kind: "steps",
      flagDefs: opdef.flags,
      flagsDest: "args",
      cmdArgs: ["${python_exe}", "-um", "guild.steps_main"],
      cmdEnv: { GUILD_PLUGINS: "", PROJECT_DIR: gf.dir, ...opdef.env },
      steps: opdef.steps,
    };
  }
  const main = opdef.main ?? defaultMainFor(opdef.name);
  const [moduleSpec = "", ...mainArgs] = shellSplit(main);
  const imported = importMainFlags(gf.dir, moduleSpec, ctx);
  const flagsDest = opdef.flagsDest ?? imported?.dest ?? "args";
  return {
    ...base,
    kind: "process",
    flagDefs: mergeImportedFlags(opdef, imported),
    flagsDest,
    cmdArgs: ["${python_exe}", "-um", "guild.op_main", moduleSpec, ...mainArgs, "--", FLAG_ARGS_TOKEN],
    cmdEnv: { FLAGS_DEST: flagsDest, GUILD_PLUGINS: "", PROJECT_DIR: gf.dir, ...opdef.env },
  };
}

/** An op with no main/exec/steps runs the module named after it. */
function defaultMainFor(name: string): string {
  return name.replace(/\.py$/, "").replaceAll("-", "_");
}

function execArgs(exec: string): string[] {
  return shellSplit(exec).map((arg) => (arg === "${flag_args}" ? FLAG_ARGS_TOKEN : arg));
}

/** `pkg.mod` or `sub/dir/mod` → the .py file under the project dir. */
export function modulePathFor(dir: string, moduleSpec: string): string | undefined {
  const rel = moduleSpec.includes("/") ? moduleSpec : moduleSpec.replaceAll(".", "/");
  const candidates = [join(dir, `${rel}.py`), join(dir, rel, "__init__.py")];
  return candidates.find((p) => existsSync(p));
}

function importMainFlags(dir: string, moduleSpec: string, ctx: Ctx): ImportedFlags | undefined {
  const path = modulePathFor(dir, moduleSpec);
  return path ? importScriptFlags(path, ctx) : undefined;
}

/**
 * `flags-import: all` (or `yes`) imports every detected flag, a list only
 * those; `no` none. Absent, detected attributes only fill in flags already
 * listed under `flags`. Explicit `flags` entries always win.
 */
export function mergeImportedFlags(opdef: OpDef, imported: ImportedFlags | undefined): Record<string, FlagDef> {
  const merged: Record<string, FlagDef> = nameMap();
  const detected = imported?.flags ?? {};
  const spec = opdef.flagsImport;
  const wanted = (name: string) =>
    !opdef.flagsImportSkip.includes(name) &&
    (spec === "all" || (Array.isArray(spec) && spec.includes(name)) || (spec === undefined && hasName(opdef.flags, name)));
  for (const [name, def] of Object.entries(detected)) {
    if (spec !== "none" && wanted(name)) merged[name] = def;
  }
  for (const [name, def] of Object.entries(opdef.flags)) {
    merged[name] = { ...(ownValue(merged, name) ?? {}), ...definedOnly(def) };
  }
  return merged;
}

function definedOnly(def: FlagDef): FlagDef {
  return Object.fromEntries(Object.entries(def).filter(([, v]) => v !== undefined)) as unknown as FlagDef;
}
