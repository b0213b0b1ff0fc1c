/**
 * Filesystem errors that mean the store cannot be written (a read-only or
 * full disk, a home we may not write to) become a clear `guild:` error
 * instead of an internal error with a stack.
 */
import { fail } from "../errors.js";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "not a directory",
};

/** The reason for a store write error, or undefined for any other error. */
export function storeWriteReason(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code ? REASONS[code] : undefined;
}

/** Rethrows `e`, as `guild: cannot <what>: <reason>` when it is a store write error. */
export function rethrowStoreWriteError(e: unknown, what: string): never {
  const reason = storeWriteReason(e);
  if (reason) fail(`cannot ${what}: ${reason}`);
  throw e;
}
