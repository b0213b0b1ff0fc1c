// Filesystem errors as one `cannot <verb> '<path>': <reason>` line, and the
// line a YAML error points at (for refusing unreadable attrs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fsErrorMessage } from "../../../src/core/store/write-errors.js";
import { loadYaml, yamlErrorLine } from "../../../src/core/yaml/guild-yaml.js";

const err = (code: string, syscall?: string, path?: string) => Object.assign(new Error(code), { code, syscall, path });

test("filesystem errors as messages", () => {
  const CASES: [unknown, string | undefined, string | undefined][] = [
    [err("EROFS", "open", "/h/runs/x"), undefined, "cannot open '/h/runs/x': read-only file system"],
    [err("ENOSPC", "write", "/h/a"), undefined, "cannot write '/h/a': no space left on device"],
    [err("ENOSPC", "write"), undefined, "cannot write: no space left on device"],
    [err("EACCES", "rename", "/h/r"), undefined, "cannot rename '/h/r': permission denied"],
    [err("EISDIR", "unlink", "/h/e"), undefined, "cannot remove '/h/e': is a directory"],
    [err("ENOENT", "scandir", "/h"), undefined, "cannot list '/h': no such file or directory"],
    [err("E2BIG", "spawn"), undefined, "cannot run: argument list too long"],
    [err("EACCES", "open", "/x"), "delete run abc", "cannot delete run abc: permission denied"],
    [err("EWHATEVER", "open", "/x"), undefined, undefined],
    [new Error("plain"), undefined, undefined],
    ["a string", undefined, undefined],
    [undefined, undefined, undefined],
  ];
  for (const [e, what, want] of CASES) assert.equal(fsErrorMessage(e, what), want, JSON.stringify(e));
});

test("YAML errors carry the line the parser stopped at", () => {
  const CASES: [string, number | undefined][] = [
    ["n: [1,\nseconds: 0\n", 2],
    ["a: 1\nb: [\n", 3],
    ["{{{", 1],
  ];
  for (const [text, line] of CASES) {
    let caught: unknown;
    try {
      loadYaml(text);
    } catch (e) {
      caught = e;
    }
    assert.ok(caught, text);
    assert.equal(yamlErrorLine(caught), line, JSON.stringify(text));
  }
  assert.equal(yamlErrorLine(new Error("x")), undefined);
});
