/**
 * Opens the page in the user's browser when there is a display to show it
 * on: `xdg-open` (detached, output ignored) when $DISPLAY or
 * $WAYLAND_DISPLAY is set, `open` on macOS. Failing to open is not an
 * error: the URL is printed anyway.
 */
import { spawn } from "node:child_process";
import { findExecutable } from "../util/find-executable.js";

export function browserCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform === "darwin") return "open";
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return "xdg-open";
}

/** Whether a browser was asked to open the URL. */
export function openBrowser(url: string, env: NodeJS.ProcessEnv): boolean {
  const cmd = browserCommand(env, process.platform);
  if (!cmd || !findExecutable(cmd, env.PATH, process.cwd())) return false;
  try {
    const child = spawn(cmd, [url], { detached: true, stdio: "ignore", env });
    child.on("error", () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
