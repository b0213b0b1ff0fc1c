/**
 * The store's id (`<home>/store-id`, made once by whichever process needs it
 * first): it names the store's queue in Redis, so stores sharing one Redis
 * never take each other's jobs. Every host mounting the store reads the
 * same id, whatever path it mounts it at.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createExclusive } from "../store/atomic.js";
import { newRunId } from "../store/ids.js";

export function storeId(home: string): string {
  const path = join(home, "store-id");
  const read = () => {
    try {
      return readFileSync(path, "utf8").trim();
    } catch {
      return "";
    }
  };
  const id = read();
  if (/^[0-9a-f]{32}$/.test(id)) return id;
  mkdirSync(home, { recursive: true });
  // Only one process creates it; the others read what it wrote.
  createExclusive(path, `${newRunId()}\n`);
  return read();
}
