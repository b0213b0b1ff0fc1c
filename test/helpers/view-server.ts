/**
 * `guild view` started through the built bin for the view tests: waits for
 * its `Running Guild View at URL` line, and stops it with SIGINT (Ctrl-C).
 */
import { startGuildIn, type GuildEnv } from "./guild-cli.js";
import { waitFor } from "./wait.js";

export interface ViewProcess {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<number>;
}

export async function startView(dir: string, g: GuildEnv, args: readonly string[] = []): Promise<ViewProcess> {
  const view = startGuildIn(dir, ["view", "--no-open", "--port", "0", ...args], g, "view");
  let exited = false;
  void view.exited.then(() => (exited = true));
  const url = await waitFor("guild view to listen", () => {
    if (exited) throw new Error(`guild view exited:\n${view.output()}`);
    return /Running Guild View at (http:\/\/\S+)\n/.exec(view.output())?.[1];
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: view.output,
    stop: () => {
      view.child.kill("SIGINT");
      return view.exited;
    },
  };
}
