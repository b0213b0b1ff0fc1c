/**
 * node:crypto, loaded on first use. Loading it costs a command 5-10 ms (as
 * much as the rest of a foreground run's own work), and a plain `guild run`
 * needs it for nothing: its ids come from /dev/urandom and its digests of
 * small inputs from md5.ts.
 */
import type * as Crypto from "node:crypto";
import { createRequire } from "node:module";

let crypto: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof Crypto;
  return crypto;
}
