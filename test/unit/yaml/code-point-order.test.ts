// Python's string order (by code point), as sorted() orders str: astral
// characters (surrogate pairs in JS) after every BMP one, lone surrogates
// by their own value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareCodePoints } from "../../../src/core/yaml/emitter.js";

const sign = (n: number) => Math.sign(n);

test("compareCodePoints: Python's order", () => {
  const cases: [string, string, number][] = [
    ["a", "b", -1],
    ["b", "a", 1],
    ["abc", "abc", 0],
    ["ab", "abc", -1],
    ["abc", "ab", 1],
    ["", "a", -1],
    ["Z", "a", -1],
    ["\u{1F600}", "\uFFFF", 1], // JS's code-unit order says -1
    ["\uFFFF", "\u{1F600}", -1],
    ["x\u{1F600}", "x\uE000", 1],
    ["\u{1F600}", "\u{1F601}", -1],
    ["\uD83D", "\uE000", -1], // a lone lead surrogate is its own code point
    ["\uD83D", "\u{1F600}", -1],
    ["a\uD83D", "a\uD83Db", -1],
  ];
  for (const [a, b, want] of cases) assert.equal(sign(compareCodePoints(a, b)), want, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

test("compareCodePoints agrees with comparing code point arrays", () => {
  const alphabet = ["a", "b", "\uD7FF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uE000", "\uFFFF", "\u{10000}", "\u{1F600}"];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const word = () => Array.from({ length: rand(4) }, () => alphabet[rand(alphabet.length)]).join("");
  const byArrays = (a: string, b: string) => {
    const [x, y] = [[...a].map((c) => c.codePointAt(0) ?? 0), [...b].map((c) => c.codePointAt(0) ?? 0)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return sign((x[i] ?? 0) - (y[i] ?? 0));
    return sign(x.length - y.length);
  };
  for (let i = 0; i < 20000; i++) {
    const [a, b] = [word(), word()];
    assert.equal(sign(compareCodePoints(a, b)), byArrays(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
});
