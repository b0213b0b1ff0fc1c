/**
 * `guild open`: the path to open for a run (Guild's open_impl._path) and
 * the program that opens it: `--cmd CMD` split as a shell would, else the
 * desktop opener (`xdg-open`, `open` on macOS).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fail } from "../errors.js";
import { shellSplit } from "../util/shell-quote.js";
import { SOURCECODE_DIR } from "../run/op-attr.js";

export interface OpenTarget {
  path?: string;
  sourcecode: boolean;
  output: boolean;
}

/** As Guild joins it: the run dir (or source code dir) plus PATH, `…/` when PATH is empty. */
export function pathToOpen(runDir: string, t: OpenTarget): string {
  if (t.path !== undefined && isAbsolute(t.path)) fail("PATH must be relative\nTry 'guild open --help' for more information.");
  if (t.output) return join(runDir, ".guild", "output");
  const root = t.sourcecode ? sourcecodeRoot(runDir) : runDir;
  return t.path ? join(root, t.path) : `${root}/`;
}

/** 2020 Guild (and we) copy source code to `.guild/sourcecode`; Guild 0.9 into the run dir. */
function sourcecodeRoot(runDir: string): string {
  const dir = join(runDir, SOURCECODE_DIR);
  return existsSync(dir) ? dir : runDir;
}

export function openerArgv(cmd: string | undefined, platform: NodeJS.Platform = process.platform): string[] {
  if (cmd !== undefined) {
    const argv = shellSplit(cmd);
    if (!argv.length) fail("--cmd: no command given");
    return argv;
  }
  if (platform === "darwin") return ["open"];
  if (platform === "linux" || platform === "freebsd" || platform === "openbsd") return ["xdg-open"];
  return fail(`unsupported platform: ${platform}\nTry --cmd to explicitly provide a command or 'guild open --help' for more information.`);
}

/** Runs the opener (`openerArgv`) on `target`, its output going to our terminal. */
export function openWith(cmd: string | undefined, target: string): void {
  const [prog = "", ...args] = openerArgv(cmd);
  const r = spawnSync(prog, [...args, target], { stdio: "inherit" });
  if (r.error) fail(`cannot run '${prog}': ${(r.error as NodeJS.ErrnoException).code === "ENOENT" ? "command not found" : r.error.message}`);
}
