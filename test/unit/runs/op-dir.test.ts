// The ` (<dir>)` suffix of listed operations (§9.1), for dirs that do not exist.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDir, opDirSuffix } from "../../../src/core/runs/op-desc.js";

const HOME = "/nonexistent/home/u";
const CASES: [string | null, string, string][] = [
  [null, "/p/proj", ""],
  ["/p/proj", "/p/proj", ""],
  ["/p/proj/sub", "/p/proj", " (sub)"],
  ["/p/other", "/p/proj", " (../other)"],
  ["/p", "/p/proj", " (../)"],
  ["/srv/x", "/tmp", " (../srv/x)"],
  ["/elsewhere/proj", "/p/proj", " (/elsewhere/proj)"],
  [`${HOME}/proj`, "/p/proj", " (~/proj)"],
  ["/a/very/long/path/to/some/project/dir", "/p/proj", " (/a/very/…/some/project/dir)"],
];

test("op dir suffix", () => {
  for (const [dir, cwd, want] of CASES) assert.equal(opDirSuffix(dir, cwd, HOME), want, `${dir} from ${cwd}`);
});

test("formatDir shows the user's home as ~", () => {
  assert.equal(formatDir(`${HOME}/a`, HOME), "~/a");
  assert.equal(formatDir(`${HOME}x/a`, HOME), `${HOME}x/a`);
  assert.equal(formatDir("/x/../y", HOME), "/y");
});
