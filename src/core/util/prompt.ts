/**
 * Yes/no questions on the terminal, as Guild's cli.confirm asks them: the
 * prompt on stderr, `(Y/n)` or `(y/N)`, an empty answer takes the default. Input
 * is read synchronously from stdin (fd 0) a byte at a time, so nothing past
 * the answer's line is consumed.
 */
import { readSync } from "node:fs";
import { fail } from "../errors.js";

export function readLineSync(): string | undefined {
  const bytes: number[] = [];
  const buf = Buffer.alloc(1);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, 1, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      return bytes.length ? Buffer.from(bytes).toString("utf8") : undefined;
    }
    if (n === 0) return bytes.length ? Buffer.from(bytes).toString("utf8") : undefined;
    if (buf[0] === 0x0a) return Buffer.from(bytes).toString("utf8");
    bytes.push(buf[0] as number);
  }
}

export function confirm(question: string, defaultYes: boolean, writeErr: (s: string) => void): boolean {
  writeErr(`${question} ${defaultYes ? "(Y/n)" : "(y/N)"} `);
  const answer = readLineSync();
  if (answer === undefined) {
    // End of input: click aborts (Guild prints only the newline); say why.
    writeErr("\n");
    fail("no answer to the question (end of input); use -y to go ahead without asking");
  }
  // As Guild's cli.confirm: y or yes (or nothing, when yes is the default); anything else is no.
  const a = answer.trim().toLowerCase();
  return a === "y" || a === "yes" || (defaultYes && a === "");
}
