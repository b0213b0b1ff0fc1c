// The `.guild/opref` line (spec §1.5) and the op desc derived from it.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { formatOpref, opDescFor, parseOpref, type OpRef } from "../../../src/core/store/opref.js";

const ref = (pkgType: string, pkgName: string, pkgVersion: string, modelName: string, opName: string): OpRef => ({
  pkgType,
  pkgName,
  pkgVersion,
  modelName,
  opName,
});

// Lines Guild wrote (§1.5, and fixtures/guild-stores/guild-2020.tgz).
const GUILD_LINES: [string, OpRef][] = [
  ["script:/abs/project '' '' say.py", ref("script", "/abs/project", "", "", "say.py")],
  ["script:/srv/guild-example/project '' '' sleepy.py", ref("script", "/srv/guild-example/project", "", "", "sleepy.py")],
  [
    "guildfile:/srv/guild-example/project/guild.yml af0bf697d5bd934a49a476cc12f68da6 '' say-many",
    ref("guildfile", "/srv/guild-example/project/guild.yml", "af0bf697d5bd934a49a476cc12f68da6", "", "say-many"),
  ],
  ["guildfile:/p/guild.yml 0123 m1 train", ref("guildfile", "/p/guild.yml", "0123", "m1", "train")],
  ["builtin:guildai 0.7.1.dev1 '' +", ref("builtin", "guildai", "0.7.1.dev1", "", "+")],
  ["builtin:guildai 0.7.1.dev1 queue queue", ref("builtin", "guildai", "0.7.1.dev1", "queue", "queue")],
  ["builtin:guildai 0.7.1.dev1 skopt random", ref("builtin", "guildai", "0.7.1.dev1", "skopt", "random")],
  ["script:'/abs/my project' '' '' 'my op.py'", ref("script", "/abs/my project", "", "", "my op.py")],
  ["script:/a/b\\ c '' '' x.py", ref("script", "/a/b c", "", "", "x.py")],
];

describe("parseOpref reads Guild's lines", () => {
  for (const [line, want] of GUILD_LINES) test(line, () => assert.deepEqual(parseOpref(line), want));
});

describe("formatOpref writes Guild's lines", () => {
  const CASES: [OpRef, string][] = [
    [ref("script", "/abs/project", "", "", "say.py"), "script:/abs/project '' '' say.py"],
    [ref("guildfile", "/p/guild.yml", "af0b", "", "say-many"), "guildfile:/p/guild.yml af0b '' say-many"],
    [ref("builtin", "guildai", "0.7.1.dev1", "", "+"), "builtin:guildai 0.7.1.dev1 '' +"],
    [ref("builtin", "guildai", "0.7.1.dev1", "queue", "queue"), "builtin:guildai 0.7.1.dev1 queue queue"],
    [ref("script", "/abs/my project", "", "", "say.py"), "script:'/abs/my project' '' '' say.py"],
    [ref("script", "/it's", "", "", "a.py"), `script:'/it'"'"'s' '' '' a.py`],
  ];
  for (const [r, want] of CASES) test(want, () => assert.equal(formatOpref(r), want));
});

describe("round trip", () => {
  const REFS: OpRef[] = [
    ref("script", "/abs/project", "", "", "say.py"),
    ref("script", "/with space/and'quote", "", "", "sub/dir/train.py"),
    ref("guildfile", "/p/guild.yml", "d41d8cd98f00b204e9800998ecf8427e", "m", "op:with:colons"),
    ref("builtin", "guildai", "0.7.1.dev1", "", "+"),
    ref("package", "gpkg.x", "1.0", "model", "train"),
    ref("script", "/tab\there", "$HOME", "*", "a\"b.py"),
  ];
  for (const r of REFS) test(formatOpref(r), () => assert.deepEqual(parseOpref(formatOpref(r)), r));
});

describe("parseOpref rejects other text", () => {
  const BAD = ["", "script", "script:/p '' ''", "script:/p '' '' a b", "script:/p '' '' 'unclosed"];
  for (const line of BAD) test(JSON.stringify(line), () => assert.equal(parseOpref(line), undefined));
});

describe("opDescFor (§1.5)", () => {
  const CASES: [OpRef, string][] = [
    [ref("script", "/p", "", "", "say.py"), "say.py"],
    [ref("guildfile", "/p/guild.yml", "x", "", "say-many"), "say-many"],
    [ref("guildfile", "/p/guild.yml", "x", "m1", "train"), "m1:train"],
    [ref("builtin", "guildai", "0.7.1.dev1", "", "+"), "+"],
    [ref("builtin", "guildai", "0.7.1.dev1", "queue", "queue"), "queue"],
    [ref("builtin", "guildai", "0.7.1.dev1", "skopt", "random"), "random"],
  ];
  for (const [r, want] of CASES) test(want, () => assert.equal(opDescFor(r), want));
});
