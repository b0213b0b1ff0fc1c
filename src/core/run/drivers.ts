/**
 * The in-process drivers of builtin operations (batch, steps, queue), by
 * kind. They build on core/run (they start runs), so core/run does not
 * import them: the layer above registers them (core/ops/builtin-drivers.ts),
 * and a new driver (a broker-backed queue) plugs in the same way.
 */
import type { Ctx } from "../context.js";
import type { OpKind } from "../op/operation.js";
import type { StartRequest } from "./start.js";

export type Driver = (req: StartRequest, ctx: Ctx) => Promise<number>;

const drivers = new Map<OpKind, Driver>();

export function registerDriver(kind: OpKind, driver: Driver): void {
  drivers.set(kind, driver);
}

export function runDriver(req: StartRequest, ctx: Ctx): Promise<number> {
  const driver = drivers.get(req.op.kind);
  if (!driver) throw new Error(`no driver registered for ${req.op.kind}`);
  return driver(req, ctx);
}
