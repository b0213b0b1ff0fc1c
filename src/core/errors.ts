/**
 * One error class and one exit path: core code throws `GuildError`, and only
 * `src/cli.ts` turns it into `guild: <message>` on stderr and an exit code.
 */

/** Guild's exit codes (guild/exit_code.py), plus click's usage error. */
export const EXIT = {
  OK: 0,
  DEFAULT_ERROR: 1,
  USAGE_ERROR: 2,
  INTERNAL_ERROR: 2,
  TEST_FAILED: 3,
  SIGTERM: -15,
} as const;

export class GuildError extends Error {
  readonly exitCode: number;
  /**
   * `message` is printed as `guild: <message>`, or as it is when `plain`:
   * Guild's messages that carry no `guild:` prefix (choice and
   * required-flag tables, guildfile errors).
   */
  readonly plain: boolean;

  constructor(message: string, exitCode: number = EXIT.DEFAULT_ERROR, plain = false) {
    super(message);
    this.name = "GuildError";
    this.exitCode = exitCode;
    this.plain = plain;
  }
}

export function fail(message: string, exitCode: number = EXIT.DEFAULT_ERROR): never {
  throw new GuildError(message, exitCode);
}

/** Fails with text printed as is (no `guild:` prefix). */
export function failPlain(text: string, exitCode: number = EXIT.DEFAULT_ERROR): never {
  throw new GuildError(text, exitCode, true);
}

/** An error that ends the command with a code but prints nothing more. */
export function exitQuietly(exitCode: number): never {
  throw new GuildError("", exitCode, true);
}

/**
 * By name, not instanceof: in the bin, cli.js and each command are separate
 * bundles, each with its own copy of this class.
 */
export function isGuildError(e: unknown): e is GuildError {
  return e instanceof Error && e.name === "GuildError" && typeof (e as GuildError).exitCode === "number";
}
