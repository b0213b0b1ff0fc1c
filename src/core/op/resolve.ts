/**
 * Opspec → Operation, in Guild's order: the project's guild.yml first, then
 * the "proxies" (Python scripts relative to cwd, the builtin `queue`). A
 * guild.yml op named like a script or `queue` therefore shadows it, and a
 * broken guild.yml only matters when no proxy matches.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Ctx } from "../context.js";
import { failPlain, fail } from "../errors.js";
import { readGuildfile, type GuildfileRead } from "../guildfile/read.js";
import type { Guildfile, ModelDef, OpDef } from "../guildfile/types.js";
import { msg } from "../messages.js";
import { isQueueSpec, queueOperation } from "./builtins.js";
import { operationForOpDef } from "./from-opdef.js";
import { operationForScript } from "./from-script.js";
import type { Operation } from "./operation.js";

interface ParsedSpec {
  model?: string;
  op?: string;
}

const OPSPEC = /^(?:[^\s:]*:)?[^\s:]+$|^[^\s:]+:$/;

export function parseOpspec(spec: string | undefined): ParsedSpec {
  if (spec === undefined) return {};
  const colon = spec.indexOf(":");
  if (colon < 0) return { op: spec };
  return { model: spec.slice(0, colon), op: spec.slice(colon + 1) || undefined };
}

export function resolveOperation(spec: string | undefined, ctx: Ctx): Operation {
  if (spec !== undefined && !OPSPEC.test(spec)) fail(msg.invalidOpspec(spec));
  const gfRead = readGuildfile(ctx.cwd);
  if (gfRead.kind === "ok") {
    const found = findOpDef(gfRead.guildfile, parseOpspec(spec));
    if (found) return operationForOpDef(gfRead.guildfile, found, ctx);
  }
  const proxy = spec === undefined ? undefined : proxyOperation(spec, ctx);
  if (proxy) return proxy;
  // Guild says `cannot find operation missing.py`; name what is missing.
  if (spec?.endsWith(".py") && gfRead.kind !== "invalid" && !existsSync(resolve(ctx.cwd, spec))) fail(msg.noSuchScript(spec));
  return failNotFound(spec, gfRead);
}

function proxyOperation(spec: string, ctx: Ctx): Operation | undefined {
  if (spec.endsWith(".py") && isFile(resolve(ctx.cwd, spec))) return operationForScript(spec, ctx);
  if (isQueueSpec(spec)) return queueOperation();
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Guild reads an empty model (`:train`) as none given: the default model. */
function modelRef(spec: ParsedSpec): string | undefined {
  return spec.model || undefined;
}

export function findOpDef(gf: Guildfile, spec: ParsedSpec): OpDef | undefined {
  const ref = modelRef(spec);
  const model = ref !== undefined ? gf.models.find((m) => m.name === ref) : defaultModel(gf);
  if (model) return spec.op === undefined ? defaultOp(model) : model.operations.find((o) => o.name === spec.op);
  if (ref !== undefined || spec.op === undefined) return undefined;
  // Several models, none default: an op name found in exactly one of them.
  const matches = gf.models.flatMap((m) => m.operations.filter((o) => o.name === spec.op));
  return matches.length === 1 ? matches[0] : undefined;
}

function defaultModel(gf: Guildfile): ModelDef | undefined {
  if (gf.models.length === 1) return gf.models[0];
  return gf.models.find((m) => m.isDefault);
}

function defaultOp(model: ModelDef): OpDef | undefined {
  const explicit = model.operations.find((o) => o.isDefault);
  if (explicit) return explicit;
  const visible = model.operations.filter((o) => !o.name.startsWith("_"));
  return visible.length === 1 ? visible[0] : undefined;
}

function failNotFound(spec: string | undefined, gfRead: GuildfileRead): never {
  if (gfRead.kind === "invalid") failGuildfileInvalid(gfRead.path, gfRead.errors, "in the current directory");
  if (spec === undefined) fail(gfRead.kind === "ok" ? msg.noDefaultOpForProject() : msg.noDefaultOp());
  const parsed = parseOpspec(spec);
  const ref = modelRef(parsed);
  if (gfRead.kind === "missing") {
    fail(parsed.model !== undefined ? msg.cannotFindOpWithModel(spec) : msg.cannotFindOp(spec));
  }
  const gf = gfRead.guildfile;
  if (ref !== undefined) {
    const model = gf.models.find((m) => m.name === ref);
    if (!model) fail(msg.cannotFindOpWithModel(spec));
    if (model.name) fail(msg.opNotDefinedForModel(parsed.op ?? "", model.name));
  }
  const model = defaultModel(gf);
  if (model && model.name) fail(msg.opNotDefinedForModel(parsed.op ?? spec, model.name));
  fail(msg.opNotDefinedForProject(parsed.op ?? spec));
}

export function failGuildfileInvalid(path: string, errors: string[], where: string): never {
  const lines = errors.map((e) => `ERROR: error in ${path}: ${e}`);
  failPlain(`${lines.join("\n")}\nguild: ${msg.guildfileError(where)}`);
}

export function guildfileExists(dir: string): boolean {
  return existsSync(resolve(dir, "guild.yml"));
}
