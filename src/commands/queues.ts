/** `guild queues` (ours): a broker's live workers and jobs. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";

interface QueuesCliOptions {
  broker?: string;
  json?: boolean;
}

export function registerQueuesCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("queues")
    .summary("Show queue workers and jobs of a broker.")
    .description(
      "Show the live queue workers of a broker (host, pid, queue run, the runs they are\n" +
        "running, since when) and its jobs: waiting, active, delayed and failed.\n" +
        "The broker is GUILD_BROKER (redis://HOST:PORT[/DB]) unless --broker is given.",
    )
    .option("--broker <url>", "Broker to read (default is $GUILD_BROKER).")
    .option("--json", "Show as JSON.");
  cmd.action(async (o: QueuesCliOptions, self: Command) => {
    const { brokerForQueues, readQueuesInfo } = await import("../core/broker/queues-info.js");
    const { formatQueuesInfo } = await import("../core/broker/queues-format.js");
    const ctx = contextFor(self, io, { createHome: false });
    const info = await readQueuesInfo(brokerForQueues(o.broker, ctx), ctx);
    io.out.stdout(o.json ? `${JSON.stringify(info, null, 2)}\n` : formatQueuesInfo(info));
  });
  configure(cmd, io);
}
