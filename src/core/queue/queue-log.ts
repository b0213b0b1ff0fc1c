/** Queue log lines: `INFO: [queue] 2020-07-27 16:48:04 Processing staged runs`. */
import type { Out } from "../context.js";
import { formatLocalTime } from "../util/time-format.js";

export type QueueLog = (level: "INFO" | "WARNING" | "ERROR", text: string) => void;

export function queueLogFor(out: Out): QueueLog {
  return (level, text) => out.stderr(`${level}: [queue] ${formatLocalTime(new Date())} ${text}\n`);
}
