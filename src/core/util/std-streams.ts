/**
 * Writing to stdout and stderr without Node's stream objects where they are
 * not terminals.
 *
 * Node makes `process.stdout` and `process.stderr` on first use, and making
 * one loads `node:stream` and what it needs: 8–15 ms of CPU here at every
 * start of a command whose output goes to a pipe, a file or /dev/null
 * (scripts, tests, `| grep`), more than the work of `guild runs` itself.
 * On Linux those streams write synchronously anyway, so writing straight
 * to the descriptor keeps the order of everything written, whoever wrote
 * it. A descriptor that may be a terminal (colour, widths) still gets
 * Node's stream, as does any descriptor once a direct write failed with
 * anything but EPIPE (a non-blocking pipe that is full, a full disk): the
 * stream then deals with it as it always did.
 *
 * Output that cannot be written must not crash us mid-run either: writes
 * to a closed reader (`guild runs | head`, or the launcher of a background
 * run that has exited) are dropped and the command carries on, so runs
 * still record how they ended. Any other failure (`> file` on a full disk)
 * is said once on stderr, later writes are dropped too, and the command
 * exits 1 once its work is done.
 */
import { fstatSync, writeSync } from "node:fs";
import { storeWriteReason } from "../store/write-errors.js";

export type StdFd = 1 | 2;

type Mode = "direct" | "stream" | "closed";

const modes: Record<StdFd, Mode | undefined> = { 1: undefined, 2: undefined };
const guarded = new WeakSet<NodeJS.WriteStream>();
let failed = false;

/** Linux's major number of /dev/null, /dev/zero, /dev/full: never a terminal. */
const MEMORY_DEVICES_MAJOR = 1;

/**
 * Whether `fd` is surely not a terminal, from one fstat: a pipe, a socket,
 * a file or a memory device. A terminal is a character device; so is
 * /dev/null, told apart by its device number.
 */
export function isPlainFd(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (st.isFIFO() || st.isSocket() || st.isFile()) return true;
    return process.platform === "linux" && st.isCharacterDevice() && deviceMajor(st.rdev) === MEMORY_DEVICES_MAJOR;
  } catch {
    return false;
  }
}

/** glibc's `major()` for Linux device numbers. */
export function deviceMajor(rdev: number): number {
  return ((rdev >>> 8) & 0xfff) | (Math.floor(rdev / 2 ** 32) & ~0xfff);
}

function modeOf(fd: StdFd): Mode {
  return (modes[fd] ??= isPlainFd(fd) ? "direct" : "stream");
}

/** Node's stream for `fd`, made on first use, with closed readers' writes dropped. */
export function stdStream(fd: StdFd): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on("error", (e: NodeJS.ErrnoException) => giveUp(fd, e));
  }
  return stream;
}

/** Whether `fd` is a terminal (without making its stream when it surely is not). */
export function isTerminal(fd: StdFd): boolean {
  return modeOf(fd) !== "direct" && modes[fd] !== "closed" && stdStream(fd).isTTY === true;
}

/** Writes `chunk` to stdout (1) or stderr (2); see the top of this file. */
export function writeStd(fd: StdFd, chunk: string | Uint8Array): void {
  const mode = modeOf(fd);
  if (mode === "closed") return;
  if (mode === "stream") {
    stdStream(fd).write(chunk);
    return;
  }
  let rest = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  try {
    while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
  } catch (e) {
    // A non-blocking pipe that is full: Node's stream waits for room.
    if ((e as NodeJS.ErrnoException).code !== "EAGAIN") return giveUp(fd, e);
    modes[fd] = "stream";
    stdStream(fd).write(rest);
  }
}

/** Whether some output could not be written for another reason than a closed reader. */
export function stdWriteFailed(): boolean {
  return failed;
}

/** Drops `fd`'s later output; says why unless its reader just went away. */
function giveUp(fd: StdFd, e: unknown): void {
  if (modes[fd] === "closed") return;
  modes[fd] = "closed";
  if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
  failed = true;
  // For a failure reported after the command has returned its status.
  process.exitCode = 1;
  const reason = storeWriteReason(e) ?? (e as NodeJS.ErrnoException).code ?? String(e);
  if (fd === 1) writeStd(2, `guild: cannot write to standard output: ${reason}\n`);
}
