/**
 * Writes a TensorBoard event file the way Guild's SummaryWriter does: the
 * file (`events.out.tfevents.<secs>.<host>.<pid>.<n>`) is created with the
 * first scalar, starts with a `brain.Event:2` version event, and every scalar
 * is written through at once so readers see it while the run goes on.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { hostName } from "../util/proc.js";
import { encodeEvent, FILE_VERSION, type ScalarValue } from "./event.js";
import { frameRecord } from "./tfrecord.js";

export interface EventWriter {
  addScalars(scalars: readonly ScalarValue[], step: number | undefined): void;
  close(): void;
}

// Several writers of one process may open files in the same second.
let fileCounter = 0;

export function eventFileName(nowMs: number, host: string, pid: number, n: number): string {
  const secs = String(Math.floor(nowMs / 1000)).padStart(10, "0");
  return `events.out.tfevents.${secs}.${host}.${pid}.${n}`;
}

export function openEventWriter(logdir: string): EventWriter {
  let fd: number | undefined;
  const write = (data: Uint8Array) => writeSync(fd as number, frameRecord(data));
  const open = () => {
    mkdirSync(logdir, { recursive: true });
    const now = Date.now();
    fd = openSync(join(logdir, eventFileName(now, hostName(), process.pid, fileCounter++)), "w");
    write(encodeEvent({ wallTime: now / 1000, fileVersion: FILE_VERSION }));
  };
  let closed = false;
  return {
    addScalars(scalars, step) {
      if (closed || !scalars.length) return;
      if (fd === undefined) open();
      // One event per scalar, as Guild writes them.
      for (const s of scalars) write(encodeEvent({ wallTime: Date.now() / 1000, step, scalars: [s] }));
    },
    close() {
      if (closed) return;
      closed = true;
      if (fd !== undefined) closeSync(fd);
    },
  };
}
