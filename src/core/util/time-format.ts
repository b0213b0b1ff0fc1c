/** Local time as Guild prints it: `YYYY-MM-DD HH:MM:SS`. */

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatLocalTime(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** An attr timestamp (µs since the epoch) in local time; '' if missing. */
export function formatTimestampUs(us: unknown): string {
  return typeof us === "number" ? formatLocalTime(new Date(Math.floor(us / 1000))) : "";
}
