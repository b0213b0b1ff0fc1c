/**
 * The page's files (built into dist/bundle/view/ by scripts/bundle.mjs):
 * read once and served from memory. The page routes by its URL hash, so
 * it is the one HTML path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerResponse } from "node:http";
import { sendBytes } from "./http-util.js";

const ASSETS: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/early.js": "early.js",
  "/app.css": "app.css",
};

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** Scripts and styles from our origin only; uPlot sets inline styles on its elements. */
const PAGE_CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";

const cache = new Map<string, Buffer>();

export function serveAsset(res: ServerResponse, assetsDir: string, pathname: string): void {
  const name = ASSETS[pathname];
  if (!name) {
    sendBytes(res, Buffer.from("not found\n"), "text/plain; charset=utf-8", 404);
    return;
  }
  const path = join(assetsDir, name);
  let body = cache.get(path);
  if (!body) {
    body = readFileSync(path);
    cache.set(path, body);
  }
  const type = TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
  sendBytes(res, body, type, 200, { "Content-Security-Policy": PAGE_CSP });
}
