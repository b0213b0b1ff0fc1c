/**
 * Signal handling for commands that run operations: Ctrl-C and SIGTERM ask
 * the core to stop what it runs (see core/run/termination.ts) instead of
 * killing this process, so every run records how it ended. A second signal
 * while stopping kills the operations' processes and exits at once (after a
 * graceful stop, the second signal stops the runs and the third kills).
 */
import { isTerminating, killChildrenNow, stopRunsAfterGrace, terminate } from "../core/run/termination.js";

let installed = false;

export function installTerminationHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (isTerminating()) {
        if (stopRunsAfterGrace()) return;
        killChildrenNow();
        process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
      }
      terminate(signal);
    });
  }
}
