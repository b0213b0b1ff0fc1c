/** Writing responses: JSON, errors as `{ "error": message }`, bytes. */
import type { ServerResponse } from "node:http";

/** Sent with every response: no sniffing, no framing by other sites, no referrer. */
const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/** JSON already written (a reply put together from cached pieces), sent as it is. */
export class JsonText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  const text = value instanceof JsonText ? value.text : JSON.stringify(value);
  sendBytes(res, Buffer.from(text), "application/json; charset=utf-8", status);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, { error: message }, status);
}

export function sendBytes(res: ServerResponse, body: Buffer, type: string, status = 200, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type, "Content-Length": String(body.length), ...extra });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

export function commonHeaders(): Record<string, string> {
  return { ...COMMON_HEADERS };
}
