/**
 * Signal handling for commands that run operations: Ctrl-C and SIGTERM ask
 * the core to stop what it runs (see core/run/termination.ts) instead of
 * killing this process, so every run records how it ended. A second signal
 * while stopping kills the operations' processes and exits at once.
 */
import { isTerminating, killChildrenNow, terminate } from "../core/run/termination.js";

let installed = false;

export function installTerminationHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (isTerminating()) {
        killChildrenNow();
        process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
      }
      terminate(signal);
    });
  }
}
