/** What `guild export` and `guild import` share: their options and Guild's --copy-resources question. */
import type { Ctx } from "../core/context.js";
import { confirm } from "../core/util/prompt.js";

export interface TransferCliOptions {
  move?: boolean;
  copyResources?: boolean;
  yes?: boolean;
}

/** Without -y, --copy-resources is confirmed once more (default no), as in Guild. */
export function confirmCopyResources(o: TransferCliOptions, ctx: Ctx): boolean {
  if (!o.copyResources || o.yes) return true;
  ctx.out.stderr("WARNING: You specified --copy-resources, which will copy resources used by each run.\n");
  return confirm("Really copy resources exported runs?", false, (s) => ctx.out.stderr(s));
}
