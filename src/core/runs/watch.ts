/**
 * `guild watch`: a run's output as it is written, until the run stops
 * (Guild's watch_impl): `.guild/output` is read from the start and then
 * polled while the run's derived status is `running`; what the run wrote
 * before it stopped is read to the end. A run that is not running shows
 * its output and its status at once.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Out } from "../context.js";
import { guildPath } from "../store/paths.js";
import { runStatus, type RunStatus } from "../store/status.js";

const POLL_MS = 100;
const CHUNK = 64 * 1024;

export async function watchRun(runDir: string, out: Out, stopped: () => boolean = () => false): Promise<RunStatus> {
  const reader = outputReader(guildPath(runDir, "output"));
  try {
    for (;;) {
      const status = runStatus(runDir);
      reader.readNew(out);
      if (status !== "running" || stopped()) {
        reader.readNew(out);
        return status;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    reader.close();
  }
}

/** Reads a file from where it last stopped; the file may not exist yet. */
function outputReader(path: string): { readNew(out: Out): void; close(): void } {
  let fd: number | undefined;
  let pos = 0;
  const buf = Buffer.alloc(CHUNK);
  return {
    readNew(out) {
      if (fd === undefined) {
        try {
          fd = openSync(path, "r");
        } catch {
          return;
        }
      }
      for (;;) {
        const n = readSync(fd, buf, 0, CHUNK, pos);
        if (n <= 0) return;
        pos += n;
        out.stdout(Buffer.from(buf.subarray(0, n)));
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
    },
  };
}
