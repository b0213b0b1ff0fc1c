// Shared helpers for the tests of the Python helper package (python/guild).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Tests compile to dist/test/python/*.js: the repo root is three levels up.
export const PYTHON_DIR = fileURLToPath(new URL("../../../python/", import.meta.url));
export const FIXTURES_DIR = fileURLToPath(
  new URL("../../../fixtures/python-helper/", import.meta.url),
);
export const IMPORT_FLAGS = join(PYTHON_DIR, "guild", "import_flags.py");

export interface PyResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface PyOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}

// Environment variables that change how the helpers behave: never
// inherited from the environment running the tests.
const CONTROL_VARS = ["FLAGS_DEST", "LOG_LEVEL", "SCRIPT_DIR", "PYTHONPATH", "PYTHONWARNINGS"];

export function python(args: string[], opts: PyOptions = {}): PyResult {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of CONTROL_VARS) delete env[name];
  // Keep __pycache__ directories out of the source tree.
  env.PYTHONDONTWRITEBYTECODE = "1";
  Object.assign(env, opts.env ?? {});
  const proc = spawnSync("python3", args, {
    cwd: opts.cwd,
    env,
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: 30_000,
  });
  if (proc.error) throw proc.error;
  return {
    status: proc.status,
    signal: proc.signal,
    stdout: proc.stdout,
    stderr: proc.stderr,
  };
}

export function pythonVersion(): [number, number] {
  const out = python(["-c", "import sys; print('%d %d' % sys.version_info[:2])"]).stdout;
  const [major, minor] = out.trim().split(" ").map(Number);
  return [major ?? 0, minor ?? 0];
}

// A fake run directory: the fixtures are copied to .guild/sourcecode, as
// the CLI copies a project's source before running an operation.
export function makeRunDir(): string {
  const runDir = realpathSync(mkdtempSync(join(tmpdir(), "guild-py-run-")));
  const sourceDir = join(runDir, ".guild", "sourcecode");
  mkdirSync(sourceDir, { recursive: true });
  cpSync(FIXTURES_DIR, sourceDir, { recursive: true });
  return runDir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// Runs `python3 -um guild.op_main SPEC ARGS...` in `runDir` with the
// PYTHONPATH the CLI uses.
export function opMain(
  runDir: string,
  spec: string,
  args: string[] = [],
  env: Record<string, string> = {},
): PyResult {
  return python(["-um", "guild.op_main", spec, ...args], {
    cwd: runDir,
    env: {
      PYTHONPATH: [join(".guild", "sourcecode"), PYTHON_DIR].join(delimiter),
      ...env,
    },
  });
}

// Runs import_flags.py for `script` (an absolute path), in its directory.
export function importFlags(script: string, extraArgs: string[] = []): PyResult {
  return python([IMPORT_FLAGS, script, ...extraArgs], { cwd: dirname(script) });
}
