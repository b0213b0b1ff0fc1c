/**
 * Every parser of user input, fed random and adversarial text (fast-check):
 * flag values and `NAME=VALUE` args, guild.yml, label templates, batch files,
 * run selection specs and `-S` time ranges. Whatever comes in, either a value
 * or one of our own errors comes out (the ones commands turn into
 * `guild: ...`), never a TypeError, RangeError or stack overflow. Inputs are
 * bounded in size, and each property runs under a generous test timeout, so
 * a parser that hangs or blows up fails here rather than in a user's shell.
 */
import { describe, test } from "node:test";
import fc from "fast-check";
import { trialsForText } from "../../../src/core/batch/batch-files.js";
import { isGuildError } from "../../../src/core/errors.js";
import { parseFlagArgs } from "../../../src/core/flags/args.js";
import { decodeFlagValue } from "../../../src/core/flags/decode.js";
import type { FlagMap } from "../../../src/core/flags/value.js";
import { parseGuildfile } from "../../../src/core/guildfile/parse.js";
import { renderLabel } from "../../../src/core/label.js";
import { selectRuns } from "../../../src/core/runs/select.js";
import { parseTimeRange, TimeRangeError } from "../../../src/core/runs/timerange.js";
import { RunSpecError, parseRunSpecArgs } from "../../../src/core/steps/run-spec-args.js";
import { loadYaml } from "../../../src/core/yaml/guild-yaml.js";

// A hang fails the property instead of stalling the suite.
const BOUND = { timeout: 120_000 };
const RUNS = { numRuns: 300 };

/** Runs `fn`; a value or one of `allowed` errors passes, anything else is rethrown with the input. */
function only(allowed: (e: unknown) => boolean, fn: () => unknown, input: unknown): void {
  try {
    fn();
  } catch (e) {
    if (allowed(e)) return;
    throw new Error(`unexpected ${(e as Error)?.name}: ${(e as Error)?.message} for ${JSON.stringify(input)}`, { cause: e });
  }
}

/** Text drawn from pieces that mean something to the parser, plus anything at all. */
function textOf(pieces: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pieces) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
  );
  return fc.array(piece, { maxLength }).map((parts) => parts.join(""));
}

// Names that are Object.prototype members, where a map lookup can go wrong.
const PROTO_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];

const YAML_PIECES = [
  "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "<<: ", "? ", "!!str ", "!!int ", "!!float ",
  "!!python/object:os.system ", "!!set ", "!!omap ", "!foo ", '"', "'", "\\", "|", ">", "#", "---\n", "...\n", "%YAML 1.1\n",
  "\t", "\ufeff", "1", "1.5", "1e5", "0x1F", "010", "1:30", "yes", "no", "null", "~", ".inf", ".nan", "2024-01-01",
  "op", "flags", "exec", "main", "steps", "default", "choices", "type", "min", "max", "model", "operations", "extends",
  "config", "include", "$include", "flags-import", "sourcecode", "requires", "label", ...PROTO_NAMES,
];

describe("guild.yml", () => {
  const isYamlError = (e: unknown) => e instanceof Error && ["ValueError", "YAMLParseError", "YAMLWarning"].includes(e.name);

  test("loadYaml returns a value or a YAML error", BOUND, () => {
    fc.assert(fc.property(textOf(YAML_PIECES, 60), (text) => only(isYamlError, () => loadYaml(text), text)), RUNS);
  });

  test("parseGuildfile reports problems as errors, never throws on loaded data", BOUND, () => {
    const loaded = textOf(YAML_PIECES, 60).chain((text) => {
      try {
        return fc.constant(loadYaml(text));
      } catch {
        return fc.constant(null);
      }
    });
    fc.assert(
      fc.property(fc.oneof(loaded, fc.jsonValue()), (data) => only(isGuildError, () => parseGuildfile(data, "/p/guild.yml", "/p", "d"), data)),
      RUNS,
    );
  });

  test("deep nesting and alias bombs are refused with a YAML error", BOUND, () => {
    const nested = fc.tuple(fc.constantFrom("[", "{a: ", "- "), fc.integer({ min: 1, max: 20_000 })).map(([open, n]) =>
      open === "- " ? Array.from({ length: n }, (_, i) => `${" ".repeat(Math.min(i, 50) * 2)}- x`).join("\n") : open.repeat(n),
    );
    const bomb = fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 2, max: 12 })).map(([width, levels]) => {
      const lines = [`l0: &l0 [${Array(width).fill("x").join(", ")}]`];
      for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(", ")}]`);
      return lines.join("\n");
    });
    fc.assert(fc.property(fc.oneof(nested, bomb), (text) => only(isYamlError, () => loadYaml(text), text.slice(0, 80))), { numRuns: 60 });
  });
});

describe("flag values and NAME=VALUE args", () => {
  const VALUE_PIECES = [
    "[", "]", ",", ":", "range", "linspace", "logspace", "uniform", "loguniform", "choice", "[1:10]", "1", "-", ".", "e", "5", "0x",
    "0o", "0b", "_", "'", '"', " ", "inf", "nan", "yes", "true", "null", "~", "*", "2", "99999999999999999999", "1e308", "1e-400",
  ];
  const types = fc.constantFrom(undefined, "int", "float", "number", "boolean", "string", "path", "existing-path", "nope");

  test("decodeFlagValue never throws", BOUND, () => {
    fc.assert(fc.property(textOf(VALUE_PIECES), types, (text, type) => only(() => false, () => decodeFlagValue(text, type), [text, type])), RUNS);
  });

  test("parseFlagArgs takes NAME=VALUE and @file, refuses the rest with our error", BOUND, () => {
    const arg = textOf(["=", "@", "a", "b", ...PROTO_NAMES, "1", " "], 8);
    fc.assert(fc.property(fc.array(arg, { maxLength: 6 }), (args) => only(isGuildError, () => parseFlagArgs(args), args)), RUNS);
  });

  test("step run specs parse or fail with our error", BOUND, () => {
    const arg = textOf(["-", "--", "=", "x", "y", "--max-trials", "-m", "--tag", "-t", "--label", "-l", "1", "lr=0.1", "--needed", "--gpus"], 6);
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 8 }), (args) => only((e) => e instanceof RunSpecError || isGuildError(e), () => parseRunSpecArgs(args), args)),
      RUNS,
    );
  });
});

describe("label templates", () => {
  const TEMPLATE_PIECES = [
    "${", "}", "|", "%", "d", "s", "f", "e", "g", "x", "c", "r", "a", ".", "0", "9", "-", "+", "#", " ", "*", "(", ")",
    "default:", "basename", "unquote", "default_label", "n", "msg", "lr", ...PROTO_NAMES,
  ];
  const flags: fc.Arbitrary<FlagMap> = fc.dictionary(
    fc.constantFrom("n", "msg", "lr", ...PROTO_NAMES),
    fc.oneof(fc.integer(), fc.double().map((x) => x), fc.string(), fc.boolean(), fc.constant(null)),
    { maxKeys: 4 },
  );

  test("renderLabel renders or fails with our error", BOUND, () => {
    fc.assert(
      fc.property(textOf(TEMPLATE_PIECES, 30), flags, (template, values) =>
        only(isGuildError, () => renderLabel(template, values), [template, values]),
      ),
      RUNS,
    );
  });

  test("huge widths and precisions fail with our error, without building the text", BOUND, () => {
    const format = fc.tuple(fc.constantFrom("", ".", "0", "-"), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.constantFrom("d", "s", "f", "e", "g", "x"));
    fc.assert(
      fc.property(format, ([flag, size, conv]) => only(isGuildError, () => renderLabel(`\${n|%${flag}${size}${conv}}`, { n: 1 }), [flag, size, conv])),
      { numRuns: 100 },
    );
  });
});

describe("batch files", () => {
  const CSV_PIECES = ["\n", "\r\n", ",", '"', '""', "a", "b", "msg", "1", "[1,2]", " ", "\ufeff", ...PROTO_NAMES];
  const paths = fc.constantFrom("t.csv", "t", "t.json", "t.yaml", "t.yml", "t.txt");

  test("trialsForText gives trials or our error", BOUND, () => {
    fc.assert(
      fc.property(fc.oneof(textOf(CSV_PIECES, 60), textOf(YAML_PIECES, 40)), paths, (text, path) =>
        only(isGuildError, () => trialsForText(text, path), [text, path]),
      ),
      RUNS,
    );
  });
});

describe("run selection specs", () => {
  const ids = ["aaaa1111", "aaab2222", "bbbb3333"].map((p) => ({ id: p.repeat(4) }));
  const spec = textOf(["1", "2", "3", "0", "-", "+", ":", "_", " ", "a", "b", "aaa", "9999999999999999999999", "x"], 8);

  test("selectRuns selects or fails with our error", BOUND, () => {
    fc.assert(fc.property(fc.array(spec, { maxLength: 4 }), (specs) => only(isGuildError, () => selectRuns(ids, specs, "guild runs"), specs)), RUNS);
  });
});

describe("time ranges", () => {
  const RANGE_PIECES = [
    " ", "last", "after", "before", "between", "and", "ago", "today", "yesterday", "this", "minute", "minutes", "hour", "hours",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "1", "3", "12", "99999999999", "0", "-", ":", "2024",
    "2024-02-30", "7-1", "9:00", "23:59:60", "25:00", "00:00:00", "/", ".",
  ];
  const now = fc.date({ min: new Date("1971-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });

  test("parseTimeRange gives a range or a TimeRangeError", BOUND, () => {
    fc.assert(
      fc.property(textOf(RANGE_PIECES, 12), now, (spec, ref) => only((e) => e instanceof TimeRangeError, () => parseTimeRange(spec)(ref), spec)),
      RUNS,
    );
  });
});
