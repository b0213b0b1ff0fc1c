/** Display formats shared by the pages. */
import type { Json } from "./api.js";

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** µs since the epoch → `2026-12-04 23:55:01` in local time. */
export function formatTime(us: number | null): string {
  if (us === null) return "";
  const d = new Date(us / 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function formatDuration(startedUs: number | null, stoppedUs: number | null, status: string): string {
  if (startedUs === null) return "";
  const end = status === "running" ? Date.now() * 1000 : stoppedUs;
  if (end === null) return "";
  const secs = Math.max(0, Math.floor((end - startedUs) / 1e6));
  const p = (n: number) => String(n).padStart(2, "0");
  return `${Math.floor(secs / 3600)}:${p(Math.floor((secs % 3600) / 60))}:${p(secs % 60)}`;
}

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e6) ? v.toExponential(4) : String(Number(v.toPrecision(6)));
}

export function formatValue(v: Json | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Ten colours that stay apart on white (Tableau 10). */
export const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

export function colorFor(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}
