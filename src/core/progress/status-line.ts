/**
 * One live status line at the bottom of the terminal, on stderr: drawn in
 * place (`\r`, erase to end of line), taken away before any other output
 * reaches the terminal and drawn again once that output ends a line. Only
 * when stderr is a terminal: in pipes and files nothing of it is written.
 *
 * Several drivers may show a part at once (a queue running a batch); the
 * parts are joined. The escape sequences go straight to the terminal, never
 * through a run's `Out`, so they never reach a run's output file.
 */
import type { Out } from "../context.js";
import { dim } from "../util/ansi.js";
import { isTerminal, stdStream } from "../util/std-streams.js";

const ERASE_LINE = "\r\u001b[K";

const parts = new Map<number, string>();
let nextId = 0;
let drawn = false;
let atLineStart = true;

export function statusLineSupported(env: NodeJS.ProcessEnv): boolean {
  return isTerminal(2) && env.TERM !== "dumb";
}

/** Adds a part to the status line; returns its id. */
export function addStatusPart(text: string): number {
  const id = nextId++;
  parts.set(id, text);
  redraw();
  return id;
}

export function updateStatusPart(id: number, text: string): void {
  if (!parts.has(id)) return;
  parts.set(id, text);
  redraw();
}

export function removeStatusPart(id: number): void {
  parts.delete(id);
  hide();
  redraw();
}

/** `out` with the status line kept out of the way of what it writes. */
export function statusLineOut(out: Out): Out {
  const wrap = (write: (chunk: string | Uint8Array) => void, toTerminal: () => boolean) => (chunk: string | Uint8Array) => {
    if (!toTerminal()) return write(chunk);
    hide();
    write(chunk);
    if (chunk.length) atLineStart = endsWithNewline(chunk);
    redraw();
  };
  return {
    stdout: wrap((c) => out.stdout(c), () => isTerminal(1)),
    stderr: wrap((c) => out.stderr(c), () => true),
  };
}

function redraw(): void {
  if (!atLineStart || !parts.size) return;
  const width = Math.max((stdStream(2).columns || 80) - 1, 10);
  const text = [...parts.values()].join(" | ");
  stdStream(2).write(`${ERASE_LINE}${dim(text.length > width ? text.slice(0, width) : text)}`);
  drawn = true;
}

function hide(): void {
  if (!drawn) return;
  stdStream(2).write(ERASE_LINE);
  drawn = false;
}

function endsWithNewline(chunk: string | Uint8Array): boolean {
  return typeof chunk === "string" ? chunk.endsWith("\n") : chunk[chunk.length - 1] === 0x0a;
}
