/** The confirmation preview `guild run` shows without `-y` (§6.3). */
import { isFlagFunction } from "../flags/decode.js";
import { encodeFlagValue } from "../flags/encode.js";
import type { FlagMap } from "../flags/value.js";
import type { FlagDef } from "../guildfile/types.js";

export interface PreviewRequest {
  action: "run" | "stage" | "start";
  subject: string;
  /** Number of trials when this is a grid batch. */
  trials?: number;
  flags: FlagMap;
  flagDefs: Record<string, FlagDef>;
}

export function previewText(req: PreviewRequest): string {
  const suffix = req.trials === undefined ? "" : ` as a batch (${req.trials} ${req.trials === 1 ? "trial" : "trials"})`;
  const lines = [`You are about to ${req.action} ${req.subject}${suffix}`];
  for (const name of Object.keys(req.flags).sort()) {
    lines.push(`  ${name}: ${previewValue(req.flags[name] ?? null, req.flagDefs[name])}`);
  }
  lines.push("Continue?");
  return lines.join("\n");
}

function previewValue(value: FlagMap[string], def: FlagDef | undefined): string {
  if (value === null) return def?.nullLabel ?? "default";
  if (typeof value === "string" && isFlagFunction(value)) return value;
  return encodeFlagValue(value);
}
