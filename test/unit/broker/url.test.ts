// The broker address (`redis://HOST:PORT[/DB]`) and the worker's own flags.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseBrokerUrl, brokerUrlFor } from "../../../src/core/broker/url.js";
import { workerFlags } from "../../../src/core/broker/worker-flags.js";
import { isGuildError } from "../../../src/core/errors.js";

const expected = (text: string) => `invalid broker '${text}': expected redis://HOST:PORT[/DB]`;

describe("parseBrokerUrl", () => {
  const GOOD: [string, string, number, number][] = [
    ["redis://127.0.0.1:6379", "127.0.0.1", 6379, 0],
    ["redis://broker.lan:7000/3", "broker.lan", 7000, 3],
    ["redis://broker", "broker", 6379, 0],
    ["redis://broker/", "broker", 6379, 0],
    ["redis://[::1]:6380/1", "::1", 6380, 1],
  ];
  for (const [text, host, port, db] of GOOD) {
    test(text, () => assert.deepEqual(parseBrokerUrl(text), { host, port, db, text }));
  }
  for (const bad of ["", "127.0.0.1:6379", "http://x:1", "redis://", "redis://h:0", "redis://h:65536", "redis://h:p", "redis://h:1/x", "redis://u:pw@h:1", "redis://h:1/2/3"]) {
    test(`rejects ${JSON.stringify(bad)}`, () => assert.throws(() => parseBrokerUrl(bad), { message: expected(bad) }));
  }
  test("any text: a broker, or a GuildError naming it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `redis://${s}`)), (text) => {
        try {
          const url = parseBrokerUrl(text);
          return url.port >= 1 && url.port <= 65535 && url.host.length > 0 && url.text === text;
        } catch (e) {
          return isGuildError(e) && e.message === expected(text);
        }
      }),
    );
  });
  test("host, port and db round-trip", () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 15 }), (host, port, db) => {
        const url = parseBrokerUrl(`redis://${host}:${port}/${db}`);
        return url.host === host && url.port === port && url.db === db;
      }),
    );
  });
  test("the queue's broker flag wins over GUILD_BROKER; neither means no broker", () => {
    assert.equal(brokerUrlFor({ broker: "redis://a:1" }, { GUILD_BROKER: "redis://b:2" })?.host, "a");
    assert.equal(brokerUrlFor({ broker: null }, { GUILD_BROKER: "redis://b:2" })?.host, "b");
    assert.equal(brokerUrlFor({}, {}), undefined);
  });
});

describe("workerFlags", () => {
  const CASES: [Record<string, unknown>, string | { concurrency: number; retryLost: number }][] = [
    [{}, { concurrency: 1, retryLost: 0 }],
    [{ concurrency: null, "retry-lost": null }, { concurrency: 1, retryLost: 0 }],
    [{ concurrency: 4, "retry-lost": 2 }, { concurrency: 4, retryLost: 2 }],
    [{ concurrency: 0 }, "invalid value for concurrency: expected an integer of at least 1"],
    [{ "retry-lost": -1 }, "invalid value for retry-lost: expected an integer of at least 0"],
    [{ concurrency: "two" }, "invalid value for concurrency: expected an integer of at least 1"],
  ];
  for (const [flags, want] of CASES) {
    test(JSON.stringify(flags), () => {
      if (typeof want === "string") assert.throws(() => workerFlags(flags as never), { message: want });
      else assert.deepEqual(workerFlags(flags as never), want);
    });
  }
});
