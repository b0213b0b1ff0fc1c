/**
 * `guild run OP --test-output-scalars FILE|-`: shows, for each input line,
 * what every one of the operation's output-scalar patterns matches and the
 * values it would log, in Guild's format:
 *
 *   loss: 0.5
 *     '^([^ \t]+):\\s+([0-9\\.e\\-]+)$': [('loss', '0.5')] (loss=0.5)
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { pythonStrRepr } from "../flags/py-repr.js";
import { resolveOperation } from "../op/resolve.js";
import { dim, yellow } from "../util/ansi.js";
import { pyFloatRepr } from "../yaml/float-format.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { compilePatterns, DEFAULT_OUTPUT_SCALARS, matchPattern, type ScalarPattern } from "./patterns.js";

export interface TestLine {
  text: string;
  style: "plain" | "dim" | "yellow";
}

/** The report for one input line (pure). */
export function testOutputLine(line: string, patterns: readonly ScalarPattern[]): TestLine[] {
  const stripped = line.trimEnd();
  const out: TestLine[] = [{ text: stripped, style: "plain" }];
  for (const p of patterns) {
    const m = matchPattern(stripped, p);
    const pattern = pythonStrRepr(p.source);
    if (!m.groups.length) {
      out.push({ text: `  ${pattern}: <no matches>`, style: "dim" });
      continue;
    }
    const groups = `[${m.groups.map(tupleRepr).join(", ")}]`;
    const keys = [...m.values.keys()].sort(compareCodePoints);
    const vals = keys.map((k) => `${k}=${pyFloatRepr(m.values.get(k) as number)}`).join(", ");
    out.push({ text: `  ${pattern}: ${groups} (${vals})`, style: "yellow" });
  }
  return out;
}

function tupleRepr(groups: (string | undefined)[]): string {
  const items = groups.map((g) => (g === undefined ? "None" : pythonStrRepr(g)));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

export async function testOutputScalars(opspec: string | undefined, input: string, ctx: Ctx): Promise<void> {
  const op = resolveOperation(opspec, ctx);
  const config = op.outputScalars;
  if (Array.isArray(config) && !config.length) {
    ctx.out.stderr("Output scalars disabled, nothing to test\n");
    return;
  }
  const warn = (msg: string) => ctx.out.stderr(`WARNING: ${msg}\n`);
  const patterns = compilePatterns(Array.isArray(config) ? config : DEFAULT_OUTPUT_SCALARS, warn);
  const styled = (l: TestLine) =>
    l.style === "dim" ? dim(l.text, 1) : l.style === "yellow" ? yellow(l.text, 1) : l.text;
  for await (const line of inputLines(input, ctx)) {
    for (const l of testOutputLine(line, patterns)) ctx.out.stdout(`${styled(l)}\n`);
  }
}

/** A file's lines, or stdin's (typed at a terminal: until an empty line). */
async function* inputLines(input: string, ctx: Ctx): AsyncGenerator<string> {
  if (input !== "-") {
    yield* fileLines(input);
    return;
  }
  const interactive = process.stdin.isTTY === true;
  if (interactive) ctx.out.stderr(`${dim("Type patterns and press Enter to test. Use Ctrl-c or empty line to exit.")}\n`);
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (interactive && !line.trimEnd()) break;
      yield line;
    }
  } finally {
    rl.close();
  }
}

function fileLines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    fail(err.code === "ENOENT" ? `${path} does not exist` : err.message);
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
