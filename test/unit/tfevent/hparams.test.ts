// HParams summaries (src/core/tfevent/hparams.ts) decoded by the test's own
// schema decoder, transcribed from TensorBoard's protos.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeMessage, Event, HParamsPluginData, type Decoded } from "../../helpers/hparams-decode.js";
import { experimentEvent, sessionEndEvent, sessionStartEvent, statusFor } from "../../../src/core/tfevent/hparams.js";

function pluginData(event: Uint8Array): Decoded {
  const e = decodeMessage(Buffer.from(event), Event);
  const value = ((e.summary as Decoded).value as Decoded[])[0] as Decoded;
  return decodeMessage(((value.metadata as Decoded).plugin_data as Decoded).content as Buffer, HParamsPluginData);
}

test("experiment: each hparam's domain as Guild's summary.py chooses it", () => {
  const exp = pluginData(
    experimentEvent(
      [
        { name: "opt", values: ["sgd", "adam"] },
        { name: "lr", values: [0.1, 1] },
        { name: "aug", values: [true] },
        { name: "mixed", values: [1, "a"] },
      ],
      ["loss", "acc"],
      100,
      200,
    ),
  ).experiment as Decoded;
  assert.deepEqual(exp, {
    time_created_secs: 100,
    hparam_infos: [
      { name: "aug", type: 2, domain_discrete: { values: [{ bool_value: true }, { bool_value: false }] } },
      { name: "lr", type: 3, domain_interval: { min_value: -Infinity, max_value: Infinity } },
      { name: "mixed" },
      { name: "opt", type: 1, domain_discrete: { values: [{ string_value: "adam" }, { string_value: "sgd" }] } },
    ],
    metric_infos: [{ name: { tag: "acc" } }, { name: { tag: "loss" } }],
  });
});

test("session start and end: values of every type, zero values written in the oneof", () => {
  const start = pluginData(sessionStartEvent("abc train", { b: false, n: 0, s: "" }, 5.5, 6));
  assert.deepEqual(start, {
    session_start_info: {
      hparams: { b: { bool_value: false }, n: { number_value: 0 }, s: { string_value: "" } },
      group_name: "abc train",
      start_time_secs: 5.5,
    },
  });
  const cases: [string, Decoded][] = [
    ["completed", { session_end_info: { status: 1 } }],
    ["terminated", { session_end_info: { status: 1 } }],
    ["error", { session_end_info: { status: 2 } }],
    ["running", { session_end_info: { status: 3 } }],
  ];
  for (const [status, want] of cases) assert.deepEqual(pluginData(sessionEndEvent(statusFor(status), 1)), want, status);
  assert.equal(statusFor("staged"), 0);
});
