/** Where a command would be found (execvp's rules): a path, or a PATH search. */
import { accessSync, constants, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

export function findExecutable(command: string, path: string | undefined, cwd: string): string | undefined {
  if (!command) return undefined;
  if (command.includes("/")) {
    const full = isAbsolute(command) ? command : resolve(cwd, command);
    return isExecutableFile(full) ? full : undefined;
  }
  for (const dir of (path ?? "/usr/local/bin:/usr/bin:/bin").split(":")) {
    const full = join(dir || ".", command);
    if (isExecutableFile(isAbsolute(full) ? full : resolve(cwd, full))) return full;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
