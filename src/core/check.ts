/**
 * `guild check`: what this installation is made of, as Guild's check prints
 * it (`name:` padded to column 27): versions of guild, Node.js, Python and
 * TensorBoard, the platform and the paths in use. Offline: nothing is
 * fetched (Guild's `latest_guild_version` reads `unchecked (offline)`).
 */
import { spawnSync } from "node:child_process";
import { arch, machine, release, type } from "node:os";
import { packageRoot, VERSION } from "./package-info.js";
import { pythonExe } from "./op/python-exe.js";

export interface CheckResult {
  rows: [string, string][];
  /** Something the runs need is missing (Python). */
  problem: boolean;
}

/** One Python start: its `sys.version`, then TensorBoard's version or nothing. */
const PY_PROBE =
  'import sys; print(sys.version.replace("\\n", ""))\n' +
  "try:\n import tensorboard; print(tensorboard.__version__)\nexcept Exception:\n print('')\n";

export function checkInstallation(home: string, env: NodeJS.ProcessEnv): CheckResult {
  const python = pythonExe(env);
  const probe = spawnSync(python, ["-c", PY_PROBE], { env, encoding: "utf8", timeout: 60_000 });
  const [pyVersion = "", tbVersion = ""] = probe.status === 0 ? probe.stdout.split("\n") : [];
  const problem = probe.status !== 0 || !pyVersion;
  return {
    problem,
    rows: [
      ["guild_version", VERSION],
      ["guild_install_location", packageRoot()],
      ["guild_home", home],
      ["node_version", process.version],
      ["node_exe", process.execPath],
      ["python_version", problem ? `ERROR: cannot run ${python}${probe.error ? ` (${probe.error.message})` : ""}` : pyVersion],
      ["python_exe", python],
      ["platform", `${type()} ${release()} ${machineName()}`],
      ["tensorboard_version", tbVersion || "not installed"],
      ["latest_guild_version", "unchecked (offline)"],
    ],
  };
}

function machineName(): string {
  try {
    return machine();
  } catch {
    return arch();
  }
}

/** `name:` then the value at column 27, as Guild's check aligns them. */
export function formatCheckRows(rows: readonly [string, string][]): string[] {
  return rows.map(([name, value]) => `${`${name}:`.padEnd(27)}${value}`);
}
