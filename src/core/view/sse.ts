/**
 * `/api/events`: server-sent events to every open page. Each event is one
 * JSON line; a comment every 15 s keeps idle connections open through
 * proxies.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { commonHeaders } from "./http-util.js";

const KEEPALIVE_MS = 15_000;

export class EventHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #keepalive: NodeJS.Timeout;

  constructor() {
    this.#keepalive = setInterval(() => this.#write(": keepalive\n\n"), KEEPALIVE_MS);
    this.#keepalive.unref();
  }

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...commonHeaders(), "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
    res.write("retry: 1000\n: connected\n\n");
    this.#clients.add(res);
    req.on("close", () => this.#clients.delete(res));
  }

  send(event: string, data: unknown): void {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    clearInterval(this.#keepalive);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(text: string): void {
    for (const res of this.#clients) res.write(text);
  }
}
