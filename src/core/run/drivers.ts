/**
 * Dispatch to the in-process drivers of builtin operations (batch, steps,
 * queue). The drivers build on run/ (they start runs), so run/ does not
 * import them: the layer above registers them (core/ops/drivers.ts), and a
 * queue backend (the file queue, or the broker's) is chosen there.
 */
import type { Ctx } from "../context.js";
import type { Operation } from "../op/operation.js";
import type { StartRequest } from "./start.js";

export type Driver = (req: StartRequest, ctx: Ctx) => Promise<number>;
type DriverKind = Exclude<Operation["kind"], "process">;

const drivers = new Map<DriverKind, Driver>();

export function registerDriver(kind: DriverKind, driver: Driver): void {
  drivers.set(kind, driver);
}

export function runDriver(req: StartRequest, ctx: Ctx): Promise<number> {
  const driver = req.op.kind === "process" ? undefined : drivers.get(req.op.kind);
  if (!driver) throw new Error(`no driver for ${req.op.kind}`);
  return driver(req, ctx);
}
