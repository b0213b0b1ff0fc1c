/**
 * `.guild/output` and `.guild/output.index` in Guild's format: the raw bytes
 * of stdout and stderr in arrival order, and for each complete line a
 * big-endian uint64 millisecond timestamp plus one byte for the stream
 * (0 stdout, 1 stderr).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Out } from "../context.js";
import { guildPath } from "../store/paths.js";

export type StreamId = 0 | 1;

export interface OutputWriter {
  write(chunk: Uint8Array, stream: StreamId): void;
  close(): void;
}

const NEWLINE = 0x0a;

export function openOutputWriter(runDir: string): OutputWriter {
  const out = openSync(guildPath(runDir, "output"), "w");
  const index = openSync(guildPath(runDir, "output.index"), "w");
  // Only complete lines are indexed, each timestamped when its newline
  // arrives (a line split across chunks is indexed once, at its end).
  let closed = false;
  return {
    write(chunk, stream) {
      if (closed) return;
      writeSync(out, chunk);
      const entries: Buffer[] = [];
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] === NEWLINE) entries.push(indexEntry(Date.now(), stream));
      }
      if (entries.length) writeSync(index, Buffer.concat(entries));
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(out);
      closeSync(index);
    },
  };
}

function indexEntry(ms: number, stream: StreamId): Buffer {
  const buf = Buffer.alloc(9);
  buf.writeBigUInt64BE(BigInt(ms), 0);
  buf.writeUInt8(stream, 8);
  return buf;
}

/** An `Out` that also records everything into a run's output files. */
export function teeOut(out: Out, writer: OutputWriter): Out {
  return {
    stdout(chunk) {
      const bytes = toBytes(chunk);
      writer.write(bytes, 0);
      out.stdout(bytes);
    },
    stderr(chunk) {
      const bytes = toBytes(chunk);
      writer.write(bytes, 1);
      out.stderr(bytes);
    },
  };
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}
