// Guild's column specs, cases from guild/tests/query-parser.md (Guild 0.9).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { colHeader, ColspecError, parseColspec, type Col } from "../../../src/core/compare/colspec.js";

/** A column in query-parser.md's notation: `scalar:min loss step as x`. */
function show(c: Col): string {
  const as = c.as !== undefined ? ` as ${/^[\w-]+$/.test(c.as) ? c.as : `'${c.as}'`}` : "";
  if (c.kind === "attr") return `attr:${c.name}${as}`;
  if (c.kind === "flag") return `flag:${c.name}${as}`;
  return `scalar:${c.qualifier ? `${c.qualifier} ` : ""}${c.key}${c.step ? " step" : ""}${as}`;
}

function parsed(s: string): string {
  try {
    return parseColspec(s).map(show).join(" | ");
  } catch (e) {
    if (e instanceof ColspecError) return `error: ${e.message}`;
    throw e;
  }
}

test("parseColspec: Guild's query-parser cases", () => {
  const cases: [string, string][] = [
    ["loss", "scalar:loss"],
    ["scalar:loss", "scalar:loss"],
    ["loss, train_acc, val_acc", "scalar:loss | scalar:train_acc | scalar:val_acc"],
    ["min loss", "scalar:min loss"],
    ["avg gpu", "scalar:avg gpu"],
    ["count loss", "scalar:count loss"],
    ["loss step", "scalar:loss step"],
    ["min loss,\n min loss step,\n max acc,\n last loss step", "scalar:min loss | scalar:min loss step | scalar:max acc | scalar:last loss step"],
    ["losses/.+", "scalar:losses/.+"],
    [".id, .started", "attr:id | attr:started"],
    ["attr:id", "attr:id"],
    ["=learning-rate, =batch-size", "flag:learning-rate | flag:batch-size"],
    ["flag:learning-rate", "flag:learning-rate"],
    ["last loss step as steps", "scalar:last loss step as steps"],
    ["=learning-rate as 'Learning Rate'", "flag:learning-rate as 'Learning Rate'"],
    [".id, =batch-size, train/losses/total_loss as loss", "attr:id | flag:batch-size | scalar:train/losses/total_loss as loss"],
    ["'loss'", "scalar:loss"],
    ["'foo bar baz'", "scalar:foo bar baz"],
    ["'losses/[^ ,]', acc", "scalar:losses/[^ ,] | scalar:acc"],
    ["'flag:batch-size'", "scalar:flag:batch-size"],
    ["flags:foo", "scalar:flags:foo"],
    ["min loss as min", "scalar:min loss as min"],
    ["min loss step as step", "scalar:min loss step as step"],
    ["", "error: query string cannot be empty"],
    ["minn loss", "error: unexpected token 'loss', line 1, pos 12"],
    ["=", "error: query string cannot be empty"],
    ["loss,", "error: query string cannot be empty"],
    ["loss step step", "error: unexpected token 'step', line 1, pos 17"],
    ["='lr'", "error: unexpected token ''lr'', line 1, pos 8"],
  ];
  for (const [spec, want] of cases) assert.equal(parsed(spec), want, spec);
});

test("colHeader: the name a column shows under", () => {
  const cases: [string, string][] = [
    ["min loss", "loss"],
    ["loss step", "loss step"],
    ["val#loss", "val loss"],
    ["=lr", "lr"],
    [".started as s", "s"],
  ];
  for (const [spec, want] of cases) assert.equal(colHeader(parseColspec(spec)[0] as Col), want, spec);
});

test("property: any text parses or fails with a ColspecError", () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(..."ab =.,:'\"\\\n step min as flag:attr:scalar:".split("")), maxLength: 30 }), (s) => {
      parsed(s);
    }),
    { numRuns: 500 },
  );
});
