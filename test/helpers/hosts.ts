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

/** Single-quotes a word for sh. */
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface SimulatedHost {
  name: string;
  exited: Promise<number>;
  /** SIGKILLs every process of the host. */
  kill(): void;
  /** SIGTERM to each guild the host runs (the host's init forwards it). */
  terminate(): void;
}

/**
 * A host running several `guild` commands at once (its queue workers), each
 * with its output in `<dir>/<host>-<i>.out`. Its init (a shell) forwards
 * SIGTERM to them and waits for them all.
 */
export function startHost(name: string, dir: string, commands: readonly (readonly string[])[], g: GuildEnv): SimulatedHost {
  const starts = commands.map(
    (args, i) => `${[process.execPath, GUILD_BIN, ...args].map(shq).join(" ")} >${shq(join(dir, `${name}-${i}.out`))} 2>&1 & pids="$pids $!"`,
  );
  const script = ['hostname "$0" || exit 1', 'pids=""', ...starts, 'trap \'kill -TERM $pids\' TERM', "while ! wait; do :; done"].join("\n");
  const child = spawn("unshare", [...UNSHARE, "sh", "-c", script, name], { cwd: g.cwd, env: guildEnv(g), stdio: "ignore" });
  const exited = exitOf(child);
  return {
    name,
    exited,
    kill: () => {
      child.kill("SIGKILL");
    },
    terminate: () => {
      const init = initPidOf(child.pid);
      if (init !== undefined) process.kill(init, "SIGTERM");
    },
  };
}

/** The namespace's init: the child `unshare --fork` made. */
function initPidOf(unsharePid: number | undefined): number | undefined {
  if (unsharePid === undefined) return undefined;
  try {
    const children = readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, "utf8").trim().split(/\s+/);
    return children[0] ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}
