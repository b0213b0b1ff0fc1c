/**
 * `.guild/output` and `.guild/output.index` in Guild's format: the raw bytes
 * of stdout and stderr in arrival order, and for each complete line a
 * big-endian uint64 millisecond timestamp plus one byte for the stream
 * (0 stdout, 1 stderr). Complete lines are also handed, per stream, to an
 * optional line sink (output scalars), as Guild feeds its output callback.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Out } from "../context.js";
import { guildPath } from "../store/paths.js";

export type StreamId = 0 | 1;

export interface OutputWriter {
  write(chunk: Uint8Array, stream: StreamId): void;
  close(): void;
}

/** Gets each complete line (with its newline, bytes below 0x09 dropped). */
export interface LineSink {
  line(bytes: Buffer, stream: StreamId): void;
  close(): void;
}

const NEWLINE = 0x0a;
// A "line" longer than this is not one a pattern is meant for; its start is dropped.
const MAX_PENDING = 1024 * 1024;

/**
 * `onError` gets the first error writing the files (a full disk); nothing
 * more is written after it. Without it, the error is thrown.
 */
export function openOutputWriter(runDir: string, sink?: LineSink, onError?: (e: unknown) => void): OutputWriter {
  const out = openSync(guildPath(runDir, "output"), "w");
  const index = openSync(guildPath(runDir, "output.index"), "w");
  const lines = sink ? lineSplitter(sink) : undefined;
  // Only complete lines are indexed, each timestamped when its newline
  // arrives (a line split across chunks is indexed once, at its end).
  let closed = false;
  let failed = false;
  return {
    write(chunk, stream) {
      if (closed || failed) return;
      try {
        writeChunk(out, index, chunk, stream);
      } catch (e) {
        if (!onError) throw e;
        failed = true;
        onError(e);
        return;
      }
      lines?.write(chunk, stream);
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(out);
      closeSync(index);
      lines?.close();
    },
  };
}

function writeChunk(out: number, index: number, chunk: Uint8Array, stream: StreamId): void {
  writeSync(out, chunk);
  const entries: Buffer[] = [];
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] === NEWLINE) entries.push(indexEntry(Date.now(), stream));
  }
  if (entries.length) writeSync(index, Buffer.concat(entries));
}

function indexEntry(ms: number, stream: StreamId): Buffer {
  const buf = Buffer.alloc(9);
  buf.writeBigUInt64BE(BigInt(ms), 0);
  buf.writeUInt8(stream, 8);
  return buf;
}

/** Splits each stream into lines; a failing sink is dropped, as Guild drops its callback. */
function lineSplitter(sink: LineSink): { write(chunk: Uint8Array, stream: StreamId): void; close(): void } {
  const pending: [Buffer[], Buffer[]] = [[], []];
  const pendingSize: [number, number] = [0, 0];
  let active = true;
  const emit = (parts: Buffer[], stream: StreamId) => {
    try {
      sink.line(printable(Buffer.concat(parts)), stream);
    } catch {
      active = false;
    }
  };
  return {
    write(chunk, stream) {
      if (!active) return;
      const parts = pending[stream];
      let start = 0;
      for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
        parts.push(Buffer.from(chunk.subarray(start, i + 1)));
        emit(parts, stream);
        if (!active) return;
        parts.length = 0;
        pendingSize[stream] = 0;
        start = i + 1;
      }
      if (start < chunk.length) {
        parts.push(Buffer.from(chunk.subarray(start)));
        pendingSize[stream] += chunk.length - start;
        if (pendingSize[stream] > MAX_PENDING) {
          parts.splice(0, parts.length - 1);
          pendingSize[stream] = parts[0]?.length ?? 0;
        }
      }
    },
    close() {
      try {
        sink.close();
      } catch {
        // Nothing more can be done for output that has ended.
      }
    },
  };
}

function printable(line: Buffer): Buffer {
  return line.some((b) => b < 0x09) ? Buffer.from(line.filter((b) => b >= 0x09)) : line;
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
