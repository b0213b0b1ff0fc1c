/**
 * Filesystem errors that mean the store cannot be written (a read-only or
 * full disk, a home we may not write to, a file where a directory should be)
 * become a clear `guild: cannot <verb> <what>: <reason>` instead of an
 * internal error with a stack.
 */
import { accessSync, constants, existsSync } from "node:fs";
import { dirname } from "node:path";
import { fail } from "../errors.js";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ENOENT: "no such file or directory",
  EEXIST: "file exists",
  ENOTEMPTY: "directory not empty",
  EMFILE: "too many open files",
  E2BIG: "argument list too long",
  EIO: "input/output error",
  ERR_FS_EISDIR: "is a directory",
};

const VERBS: Record<string, string> = {
  mkdir: "create directory",
  open: "open",
  write: "write",
  rename: "rename",
  unlink: "remove",
  rmdir: "remove",
  rm: "remove",
  copyfile: "copy",
  cp: "copy",
  symlink: "link",
  link: "link",
  utime: "touch",
  chmod: "change mode of",
  scandir: "list",
  read: "read",
  close: "close",
  spawn: "run",
};

/** The reason for a store write error, or undefined for any other error. */
export function storeWriteReason(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const code = err?.code;
  if (!code) return undefined;
  // Node's recursive mkdir says ENOENT when it cannot create a parent (a
  // read-only or unwritable disk): say why the parent cannot be written.
  if (code === "ENOENT" && err.syscall === "mkdir" && err.path) return unwritableAncestorReason(err.path) ?? REASONS[code];
  return REASONS[code];
}

/**
 * `cannot <verb> '<path>': <reason>` for a filesystem error (the path Node
 * names, or `what`), or undefined for any other error.
 */
export function fsErrorMessage(e: unknown, what?: string): string | undefined {
  const reason = storeWriteReason(e);
  if (!reason) return undefined;
  const err = e as NodeJS.ErrnoException;
  if (what !== undefined) return `cannot ${what}: ${reason}`;
  const verb = (err.syscall && VERBS[err.syscall]) ?? "write";
  return err.path ? `cannot ${verb} '${err.path}': ${reason}` : `cannot ${verb}: ${reason}`;
}

/** Rethrows `e`, as `guild: cannot <what>: <reason>` when it is a store write error. */
export function rethrowStoreWriteError(e: unknown, what: string): never {
  const message = fsErrorMessage(e, what);
  if (message) fail(message);
  throw e;
}

function unwritableAncestorReason(path: string): string | undefined {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code && code !== "ENOENT" ? REASONS[code] : undefined;
  }
}
