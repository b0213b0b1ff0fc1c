// PATH for the Python the tests, benchmarks and stress scripts start.
import { spawnSync } from "node:child_process";
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

/**
 * PATH with the directory of the interpreter `python3` resolves to first.
 * A version manager's `python3` (pyenv's shim) is a script that runs the
 * manager before Python: ~0.4 s of CPU and a second of wall at each of the
 * suite's hundreds of Python starts, half the suite's time. The shim ends by
 * running this interpreter with its directory first on PATH, so the tests
 * see the Python they would have. A plain python3, or none, leaves PATH as
 * it is.
 */
export function pathWithPythonFirst(path) {
  const onPath = path.split(delimiter).filter(Boolean).map((dir) => join(dir, "python3")).find(isExecutable);
  const probe = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  const exe = probe.status === 0 ? probe.stdout.trim() : "";
  if (!onPath || !exe || realpathSync(onPath) === realpathSync(exe)) return path;
  return [dirname(exe), path].join(delimiter);
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}


/**
 * For this process and what it starts: the benchmarks and stress scripts
 * time or load-test our processes, and a shim's own start (more than
 * Python's) would swamp what they measure.
 */
export function usePythonDirectly() {
  process.env.PATH = pathWithPythonFirst(process.env.PATH ?? "");
}
