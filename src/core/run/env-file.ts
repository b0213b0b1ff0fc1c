/**
 * A staged run's `.guild/ENV`. A batch stages thousands of trials whose
 * environments differ only in a few names (RUN_DIR, RUN_ID, the flags):
 * the shared lines are quoted and sorted once per operation and context,
 * and each trial's own lines are merged in among them.
 */
import type { Ctx } from "../context.js";
import type { Operation } from "../op/operation.js";
import { shellQuote } from "../util/shell-quote.js";
import { envFileLine, envFileNames, ownRunEnv, sharedRunEnv, type RunEnvRequest } from "./env.js";

interface SharedLines {
  op: Operation;
  ctx: Ctx;
  names: string[];
  lines: Map<string, string>;
}

// The last operation and context asked for: a batch asks for one, many
// times (neither is changed once made).
let last: SharedLines | undefined;

/** `formatEnvFile(runEnvFor(req, ctx))`, without redoing the shared part. */
export function envFileFor(req: RunEnvRequest, ctx: Ctx): string {
  const shared = last !== undefined && last.op === req.op && last.ctx === ctx ? last : (last = sharedLinesFor(req.op, ctx));
  const own = ownRunEnv(req);
  const ownNames = envFileNames(own);
  const ownLine = (name: string) => envFileLine(name, own[name] as string, shellQuote);
  let text = "";
  let i = 0;
  for (const name of shared.names) {
    for (; i < ownNames.length && (ownNames[i] as string) < name; i++) text += ownLine(ownNames[i] as string);
    // A name of the run's own wins; its line comes in the loop above.
    if (!Object.hasOwn(own, name)) text += shared.lines.get(name) as string;
  }
  for (; i < ownNames.length; i++) text += ownLine(ownNames[i] as string);
  return text;
}

function sharedLinesFor(op: Operation, ctx: Ctx): SharedLines {
  const env = sharedRunEnv(op, ctx);
  const names = envFileNames(env);
  return { op, ctx, names, lines: new Map(names.map((name) => [name, envFileLine(name, env[name] as string, shellQuote)])) };
}
