// Shell completion candidates (pure): commands, options, operations, flags, run ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { completeWords, type CompletionSources } from "../../src/core/completion.js";

const SRC: CompletionSources = {
  commands: ["cat", "run", "runs", "select", "tag"],
  optionsFor: async (c) => ({ run: ["--stage", "--start", "-y"], "runs info": ["--json", "-e"], tag: ["--add", "-a"] })[c] ?? [],
  operations: () => ["train", "say.py"],
  flagsFor: (op) => (op === "train" ? ["lr", "epochs"] : []),
  runIds: () => ["94f06702", "213076f3"],
};

test("completeWords", async () => {
  const cases: [string, string[]][] = [
    ["guild |", ["cat", "run", "runs", "select", "tag"]],
    ["guild ru|", ["run", "runs"]],
    ["guild -|", ["--help", "--version", "-C", "-H"]],
    ["guild -H /tmp ru|", ["run", "runs"]],
    ["guild run |", ["train", "say.py"]],
    ["guild run tr|", ["train"]],
    ["guild run train |", ["lr=", "epochs="]],
    ["guild run train lr=1 e|", ["epochs="]],
    ["guild run --st|", ["--stage", "--start"]],
    ["guild runs |", ["comment", "delete", "info", "label", "list", "mark", "purge", "restore", "rm", "stop", "tag"]],
    ["guild runs info |", ["94f06702", "213076f3"]],
    ["guild runs info --j|", ["--json"]],
    ["guild tag 9|", ["94f06702"]],
    ["guild tag -|", ["--add", "-a"]],
    ["guild nope |", []],
  ];
  for (const [line, want] of cases) {
    const words = line.replace("|", "").split(" ");
    assert.deepEqual(await completeWords(words, words.length - 1, SRC), want, line);
  }
});
