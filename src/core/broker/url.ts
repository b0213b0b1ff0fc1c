/**
 * The broker's address: `redis://HOST:PORT[/DB]`, from the queue's
 * `broker=URL` flag or else GUILD_BROKER (pure: parsing only).
 */
import { fail } from "../errors.js";
import type { FlagMap } from "../flags/value.js";

export interface BrokerUrl {
  host: string;
  port: number;
  db: number;
  /** As given, for messages. */
  text: string;
}

const DEFAULT_PORT = 6379;
const FORM = /^redis:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?(?:\/(\d{1,2})?)?$/;

export function parseBrokerUrl(text: string): BrokerUrl {
  const m = FORM.exec(text);
  const port = m?.[2] === undefined ? DEFAULT_PORT : Number(m[2]);
  const db = m?.[3] === undefined ? 0 : Number(m[3]);
  if (!m || port < 1 || port > 65535) {
    fail(`invalid broker '${text}': expected redis://HOST:PORT[/DB]`);
  }
  const host = (m[1] as string).replace(/^\[(.*)\]$/, "$1");
  return { host, port, db, text };
}

/** The broker a queue uses, if any: its `broker` flag, else GUILD_BROKER. */
export function brokerUrlFor(flags: FlagMap, env: Record<string, string | undefined>): BrokerUrl | undefined {
  const flag = flags.broker;
  if (flag !== undefined && flag !== null && flag !== "") return parseBrokerUrl(String(flag));
  return brokerUrlFromEnv(env);
}

/** GUILD_BROKER, for staging (which adds jobs) and `guild queues`. */
export function brokerUrlFromEnv(env: Record<string, string | undefined>): BrokerUrl | undefined {
  const text = env.GUILD_BROKER;
  return text ? parseBrokerUrl(text) : undefined;
}
