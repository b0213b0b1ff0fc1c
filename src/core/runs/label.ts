/**
 * `guild runs label`: set, prepend, append, remove or clear run labels
 * (§9.8). Values are label templates rendered with the run's flags and its
 * current label (`${label}`); removing takes out whole space-delimited
 * occurrences of each value.
 */
import { fail } from "../errors.js";
import type { FlagMap } from "../flags/value.js";
import { isFlagMap } from "../flags/value.js";
import { renderLabel } from "../label.js";
import { deleteAttr, readAttr, writeAttr } from "../store/attrs.js";
import type { RunLocation } from "./delete.js";

export interface LabelArgs {
  set?: string;
  prepend?: string;
  append?: string;
  remove?: readonly string[];
  clear?: boolean;
}

export type LabelAction =
  | { kind: "set" | "prepend" | "append"; value: string }
  | { kind: "remove"; values: readonly string[] }
  | { kind: "clear" };

const INCOMPATIBLE: [keyof LabelArgs, keyof LabelArgs][] = [
  ["set", "append"],
  ["set", "prepend"],
  ["set", "remove"],
  ["set", "clear"],
  ["append", "prepend"],
  ["append", "clear"],
  ["append", "remove"],
  ["prepend", "clear"],
  ["prepend", "remove"],
];

/** Checks the options as Guild does; `cmdPath` names the command in help lines. */
export function labelActionFor(args: LabelArgs, cmdPath: string): LabelAction {
  const given = (k: keyof LabelArgs) => (k === "remove" ? Boolean(args.remove?.length) : Boolean(args[k]));
  if (!(["set", "append", "prepend", "remove", "clear"] as const).some(given)) {
    fail(`missing one of: --set, --append, --prepend, --remove, --clear\nTry \`${cmdPath} --help\` for more information.`);
  }
  for (const [a, b] of INCOMPATIBLE) {
    if (given(a) && given(b)) fail(`--${a} and --${b} cannot both be specified\nTry '${cmdPath} --help' for more information.`);
  }
  if (given("set")) return { kind: "set", value: args.set ?? "" };
  if (given("prepend")) return { kind: "prepend", value: args.prepend ?? "" };
  if (given("append")) return { kind: "append", value: args.append ?? "" };
  if (args.clear) return { kind: "clear" };
  return { kind: "remove", values: args.remove ?? [] };
}

export function labelPreview(action: LabelAction): string {
  switch (action.kind) {
    case "set":
      return `You are about to label the following runs with '${action.value}':`;
    case "prepend":
      return `You are about to prepend '${action.value}' to the label of the following runs:`;
    case "append":
      return `You are about to append '${action.value}' to the label of the following runs:`;
    case "remove":
      return `You are about to remove '${action.values.join(", ")}' from the label of the following runs:`;
    case "clear":
      return "You are about to clear the label of the following runs:";
  }
}

/** The new label for a run with `flags` and `current` label (pure). */
export function newLabel(action: Exclude<LabelAction, { kind: "clear" }>, current: string, flags: FlagMap): string {
  const render = (template: string) => renderLabel(template, { ...flags, label: current }).trim();
  switch (action.kind) {
    case "set":
      return render(action.value);
    case "prepend":
      return `${render(action.value)} ${current}`.trim();
    case "append":
      return `${current} ${render(action.value)}`.trim();
    case "remove":
      return action.values.reduce(removeLabelPart, current).trim();
  }
}

/** Removes each whole, space-delimited occurrence of `part`. */
export function removeLabelPart(label: string, part: string): string {
  const tokens = label.split(/\s+/).filter(Boolean);
  const partTokens = part.split(/\s+/).filter(Boolean);
  if (!partTokens.length) return tokens.join(" ");
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (partTokens.every((t, j) => tokens[i + j] === t)) {
      i += partTokens.length;
    } else {
      kept.push(tokens[i] as string);
      i += 1;
    }
  }
  return kept.join(" ");
}

/** Writes the new labels; returns how many runs were changed. */
export function labelRuns(runs: readonly RunLocation[], action: LabelAction): number {
  for (const run of runs) {
    if (action.kind === "clear") {
      deleteAttr(run.dir, "label");
      continue;
    }
    const current = readAttr(run.dir, "label");
    const flags = readAttr(run.dir, "flags");
    const label = newLabel(action, typeof current === "string" ? current : current == null ? "" : String(current), isFlagMap(flags) ? flags : {});
    writeAttr(run.dir, "label", label);
  }
  return runs.length;
}
