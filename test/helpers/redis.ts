/**
 * A real `redis-server` for a test: on a free loopback port, bound to
 * 127.0.0.1 only, with no persistence (nothing survives a restart, as after
 * a crash of an unconfigured Redis). Killed in cleanup.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { exitOf } from "./guild-cli.js";
import { waitFor } from "./wait.js";

export interface TestRedis {
  port: number;
  url: string;
  /** Stops Redis (SIGKILL: its jobs are gone) and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Runs redis-cli against it; stdout. */
  cli(...args: string[]): string;
}

export function hasRedis(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const cli = (...args: string[]) => spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args], { encoding: "utf8" }).stdout;
  let server: ChildProcess | undefined;
  let exited: Promise<number> | undefined;
  const start = async () => {
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
      stdio: "ignore",
    });
    exited = exitOf(server);
    await waitFor("redis-server to answer", () => cli("ping").trim() === "PONG");
  };
  const stop = async () => {
    server?.kill("SIGKILL");
    await exited;
    server = undefined;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    restart: async () => {
      await stop();
      await start();
    },
    stop,
    cli,
  };
}
