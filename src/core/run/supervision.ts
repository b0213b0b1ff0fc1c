/**
 * A run's processes never outlive the `guild` that supervises them, however
 * it dies (Ctrl-C, SIGKILL of it alone or of its process group, the OOM
 * killer). The run then reads `terminated`, which is true, and a finished
 * operation is never reported `terminated` nor started a second time.
 *
 * Operation processes get their own process group (so `runs stop` stops what
 * they started) and are not killed with ours, so each is started behind a
 * gate (see GATE). The kernel closes our end of the gate's stdin when we die,
 * however we die, so the gate needs no help from us: this works for any
 * command (not only Python) and needs nothing but `/bin/sh`.
 *
 * A batch, steps or queue run started in a `guild run --start` child
 * (queue/start-in-child.ts) watches its stdin the same way (`followParent`).
 */
import { procArgv } from "../util/proc.js";
import { isTerminating, killChildrenNow, terminate } from "./termination.js";

/**
 * The gate: a shell that waits for `go` on its stdin before it execs the
 * operation (keeping its pid), so an operation whose starter died before the
 * run's LOCK named it never runs. It first forks a watcher that keeps the
 * stdin pipe: `end` (a line) means the operation ended and we saw it; end of
 * file without it means we died, and the watcher kills the gate's whole
 * process group. The watcher ignores the signals `runs stop` and Ctrl-C send
 * to the group, so it outlives a graceful stop's grace period.
 */
export const GATE = [
  "read -r go || exit 125",
  "exec 3<&0 </dev/null",
  "{ trap '' TERM INT HUP; read -r end <&3 || kill -KILL 0; } >/dev/null 2>&1 &",
  'exec "$@" 3<&-',
].join("\n");

export const GATE_GO = "go\n";

/**
 * Whether `pid` is a gate's watcher: a forked copy of the gate shell (the
 * gate itself has exec'd the operation by then). It is ours, not the
 * operation's, and leaves once the operation has ended, so `runs stop`
 * neither waits for it nor names it among processes that did not stop.
 */
export function isGateWatcher(pid: number): boolean {
  const argv = procArgv(pid);
  return argv[1] === "-c" && argv[2] === GATE;
}
/** Sent once the operation has exited: its watcher then leaves the group be. */
export const GATE_END = "end\n";

/** Set for a `guild run --start` child; never passed on to operations. */
export const FOLLOW_PARENT_ENV = "GUILD_FOLLOW_PARENT";

/** How long a run's processes get to honour SIGTERM once our parent is gone. */
const PARENT_GONE_GRACE_MS = 1500;

/** Env for a child `guild` that must stop when we die (its stdin is a pipe from us). */
export function envToFollowParent(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, [FOLLOW_PARENT_ENV]: "1" };
}

/**
 * In a child started with `envToFollowParent`: when the parent's end of our
 * stdin closes (it died), stop as on SIGTERM (the runs record `terminated`),
 * then kill what is left.
 */
export function followParent(env: NodeJS.ProcessEnv): void {
  if (env[FOLLOW_PARENT_ENV] === undefined) return;
  delete env[FOLLOW_PARENT_ENV];
  const parentGone = () => {
    if (isTerminating()) return;
    terminate("SIGHUP");
    setTimeout(killChildrenNow, PARENT_GONE_GRACE_MS).unref();
  };
  process.stdin.on("end", parentGone);
  process.stdin.on("error", parentGone);
  process.stdin.resume();
  // Watching must not keep us alive once our own work is done.
  process.stdin.unref();
}
