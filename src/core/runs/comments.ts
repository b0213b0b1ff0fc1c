/**
 * Run comments (Guild 0.9's `guild comment`): the `comments` attr, a list
 * of `{body, host, time, user}` maps (time in µs), as Guild writes it.
 * Formatting is pure; `commentRuns` and friends write.
 */
import { hostname, userInfo } from "node:os";
import { deleteAttr, readAttr, writeAttr } from "../store/attrs.js";
import { shortId, timestampUs } from "../store/ids.js";
import { formatTimestampUs } from "../util/time-format.js";
import type { RunLocation } from "./delete.js";
import type { RunRow } from "./list.js";
import { formatColumns, opColumn } from "./table.js";

export interface RunComment {
  body: string;
  host: string;
  time: number | null;
  user: string;
}

export function commentsOf(value: unknown): RunComment[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Record<string, unknown> => typeof c === "object" && c !== null)
    .map((c) => ({ body: str(c.body), host: str(c.host), time: typeof c.time === "number" ? c.time : null, user: str(c.user) }));
}

function str(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

/** `-u USER[@HOST]`, else the current user on this host (Guild's util.user / hostname). */
export function commentAuthor(spec: string | undefined, env: NodeJS.ProcessEnv): { user: string; host: string } {
  if (spec !== undefined) {
    const at = spec.lastIndexOf("@");
    return at < 0 ? { user: spec, host: hostname() } : { user: spec.slice(0, at), host: spec.slice(at + 1) || hostname() };
  }
  return { user: env.LOGNAME ?? env.USER ?? env.USERNAME ?? safeUserName(), host: hostname() };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "";
  }
}

export function addComment(runs: readonly RunLocation[], body: string, author: { user: string; host: string }): number {
  for (const run of runs) {
    const comments = commentsOf(readAttr(run.dir, "comments"));
    comments.push({ body, ...author, time: timestampUs() });
    writeAttr(run.dir, "comments", comments);
  }
  return runs.length;
}

/** Deletes comment `index` (1-based) where there is one, as Guild does. */
export function deleteComment(runs: readonly RunLocation[], index: number): number {
  for (const run of runs) {
    const comments = commentsOf(readAttr(run.dir, "comments"));
    if (index >= 1 && index <= comments.length) {
      comments.splice(index - 1, 1);
      writeAttr(run.dir, "comments", comments);
    }
  }
  return runs.length;
}

export function clearComments(runs: readonly RunLocation[]): number {
  for (const run of runs) deleteAttr(run.dir, "comments");
  return runs.length;
}

/**
 * `comment --list`: each run (short id, operation, started, status, label),
 * then its comments: `[N] user@host time`, a blank line, the body wrapped
 * and indented, a blank line; `  <no comments>` when it has none.
 */
export function formatCommentsList(rows: readonly RunRow[], commentsFor: (row: RunRow) => RunComment[]): string[] {
  const table = formatColumns(rows.map((r) => [shortId(r.id), opColumn(r), formatTimestampUs(r.started), r.status, r.label]));
  const lines: string[] = [];
  rows.forEach((row, i) => {
    lines.push(table[i] ?? "");
    const comments = commentsFor(row);
    if (!comments.length) lines.push("  <no comments>");
    comments.forEach((c, n) => {
      const who = c.host ? `${c.user}@${c.host}` : c.user;
      lines.push(`[${n + 1}] ${who} ${c.time === null ? "" : formatTimestampUs(c.time)}`, "", ...wrapParagraphs(c.body, 78, "  "), "");
    });
  });
  return lines;
}

/** click's wrap_text with preserve_paragraphs: lines of a paragraph joined, then wrapped. */
export function wrapParagraphs(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  for (const [i, para] of text.split(/\n\s*\n/).entries()) {
    if (i > 0) out.push("");
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
  }
  return out;
}

export function runComments(runDir: string): RunComment[] {
  return commentsOf(readAttr(runDir, "comments"));
}
