/** `guild queues` output: a table of workers, then a line of job counts (pure). */
import { formatColumns } from "../runs/table.js";
import { shortId } from "../store/ids.js";
import { formatLocalTime } from "../util/time-format.js";
import type { QueuesInfo } from "./queues-info.js";

export function formatQueuesInfo(info: QueuesInfo): string {
  const lines: string[] = [];
  if (info.workers.length) {
    const rows = info.workers.map((w) => [
      w.host,
      String(w.pid),
      shortId(w.queueRunId),
      w.runs.length ? w.runs.map(shortId).join(",") : "-",
      formatLocalTime(new Date(w.since)),
    ]);
    lines.push(...formatColumns([["HOST", "PID", "QUEUE", "RUNNING", "SINCE"], ...rows]));
  } else {
    lines.push("No live workers");
  }
  const j = info.jobs;
  lines.push(`Jobs: ${j.waiting} waiting, ${j.active} active, ${j.delayed} delayed, ${j.failed} failed`);
  return lines.map((l) => `${l}\n`).join("");
}
