/**
 * Simulated hosts: each a process tree in its own PID and UTS namespace
 * (`unshare --pid --uts --fork --mount-proc`, as root) with a host name of
 * its own, sharing the filesystem and loopback with the rest of the
 * machine. Pids of one host are invisible to the others, as on real
 * machines. Killing a host SIGKILLs `unshare`, whose child (the namespace's
 * init) then gets SIGKILL (`--kill-child`), and with it every process in
 * the namespace.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { exitOf, GUILD_BIN, guildEnv, type GuildEnv, type GuildResult } from "./guild-cli.js";

const UNSHARE = ["--pid", "--uts", "--fork", "--mount-proc", "--kill-child=SIGKILL"];
/** Sets the namespace's host name, then runs the command (argv after the name). */
const SET_HOST = 'hostname "$0" && exec "$@"';

/** Whether this machine can simulate hosts (Linux, root, util-linux unshare). */
export function canSimulateHosts(): boolean {
  const res = spawnSync("unshare", [...UNSHARE, "sh", "-c", SET_HOST, "probe-host", "true"], { stdio: "ignore" });
  return res.status === 0;
}

function hostArgv(host: string, args: readonly string[]): string[] {
  return [...UNSHARE, "sh", "-c", SET_HOST, host, process.execPath, GUILD_BIN, ...args];
}

/** Runs guild on a simulated host and waits for it. */
export function guildOn(host: string, args: readonly string[], g: GuildEnv): Promise<GuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("unshare", hostArgv(host, args), { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ stdout, stderr, exitCode: code ?? -(signal ? 1 : 0) }));
  });
}

export interface HostProcess {
  child: ChildProcess;
  exited: Promise<number>;
  output(): string;
  /** SIGKILLs every process of the host. */
  killHost(): void;
}

/** Starts guild on a simulated host without waiting; output to `<dir>/<name>.out`. */
export function startGuildOn(host: string, dir: string, args: readonly string[], g: GuildEnv, name = host): HostProcess {
  const path = join(dir, `${name}.out`);
  const fd = openSync(path, "w");
  const child = spawn("unshare", hostArgv(host, args), { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", fd, fd] });
  const exited = exitOf(child).finally(() => closeSync(fd));
  return {
    child,
    exited,
    output: () => readFileSync(path, "utf8"),
    killHost: () => {
      child.kill("SIGKILL");
    },
  };
}
