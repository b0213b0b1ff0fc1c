/**
 * Progress of a batch or queue working through runs, shown on the terminal's
 * status line while a person watches (stderr is a terminal): runs done of
 * the total, failures, time elapsed and an estimate of the time left.
 */
import type { Ctx } from "../context.js";
import { addStatusPart, removeStatusPart, statusLineOut, statusLineSupported, updateStatusPart } from "./status-line.js";

export interface ProgressCounts {
  done: number;
  total: number;
  failed: number;
  elapsedMs: number;
}

export interface RunProgress {
  /** The context whose output keeps clear of the status line. */
  ctx: Ctx;
  setTotal(total: number): void;
  finished(ok: boolean): void;
  close(): void;
}

const REDRAW_MS = 1000;

/** `what` names the runs: `trials` for a batch, `runs` for a queue. */
export function startRunProgress(label: string, what: string, total: number, ctx: Ctx): RunProgress {
  if (!statusLineSupported(ctx.env)) return noRunProgress(ctx);
  const started = Date.now();
  const counts: ProgressCounts = { done: 0, total, failed: 0, elapsedMs: 0 };
  const text = () => formatProgress(label, what, { ...counts, elapsedMs: Date.now() - started });
  const id = addStatusPart(text());
  const timer = setInterval(() => updateStatusPart(id, text()), REDRAW_MS);
  timer.unref();
  return {
    ctx: { ...ctx, out: statusLineOut(ctx.out) },
    setTotal(n) {
      counts.total = Math.max(n, counts.done);
      updateStatusPart(id, text());
    },
    finished(ok) {
      counts.done += 1;
      if (!ok) counts.failed += 1;
      counts.total = Math.max(counts.total, counts.done);
      updateStatusPart(id, text());
    },
    close() {
      clearInterval(timer);
      removeStatusPart(id);
    },
  };
}

/** `batch: 3/10 trials, 1 failed, 0:00:12 elapsed, ~0:00:28 left` */
export function formatProgress(label: string, what: string, c: ProgressCounts): string {
  const parts = [`${label}: ${c.done}/${c.total} ${what}`];
  if (c.failed) parts.push(`${c.failed} failed`);
  parts.push(`${clock(c.elapsedMs)} elapsed`);
  if (c.done > 0 && c.done < c.total) parts.push(`~${clock((c.elapsedMs / c.done) * (c.total - c.done))} left`);
  return parts.join(", ");
}

function clock(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60];
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** For work nobody needs to watch (staging trials): no status line. */
export function noRunProgress(ctx: Ctx): RunProgress {
  return { ctx, setTotal() {}, finished() {}, close() {} };
}
