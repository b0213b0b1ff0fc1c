/**
 * TensorBoard HParams plugin summaries, encoded by hand as event.ts does
 * scalars. From TensorBoard's tensorboard/plugins/hparams (api.proto,
 * plugin_data.proto, metadata.py) and summary.proto:
 *
 *   Summary.Value   1 tag · 9 metadata SummaryMetadata · 8 tensor TensorProto
 *   SummaryMetadata 1 plugin_data {1 plugin_name "hparams" · 2 content bytes}
 *   HParamsPluginData 1 version (0) · 2 experiment · 3 session_start_info ·
 *                     4 session_end_info
 *   Experiment      3 time_created_secs double · 4 hparam_infos · 5 metric_infos
 *   HParamInfo      1 name · 4 type · 5 domain_discrete ListValue ·
 *                   6 domain_interval {1 min_value · 2 max_value}
 *   MetricInfo      1 name MetricName {1 group · 2 tag}
 *   SessionStartInfo 1 hparams map<string, Value> · 4 group_name ·
 *                   5 start_time_secs double
 *   SessionEndInfo  1 status (1 success, 2 failure, 3 running) · 2 end_time_secs
 *   google.protobuf.Value 2 number_value · 3 string_value · 4 bool_value;
 *   ListValue 1 values
 *
 * The tensor is the plugin's NULL_TENSOR: an empty float vector (dtype 1,
 * shape [0]). Which run values become what follows Guild's summary.py.
 */
import { bytesField, doubleField, stringField, varintField } from "./wire.js";

export const PLUGIN_NAME = "hparams";
export const TAGS = {
  experiment: "_hparams_/experiment",
  sessionStart: "_hparams_/session_start_info",
  sessionEnd: "_hparams_/session_end_info",
} as const;

export const DATA_TYPE = { string: 1, bool: 2, float64: 3 } as const;
export const STATUS = { unknown: 0, success: 1, failure: 2, running: 3 } as const;

export type HParamValue = string | number | boolean;

export interface HParamDomain {
  name: string;
  /** Every value seen for the hparam, across runs. */
  values: readonly HParamValue[];
}

/** A google.protobuf.Value; oneof members are written even when zero. */
function protoValue(v: HParamValue): number[] {
  if (typeof v === "boolean") return varintField(4, v ? 1n : 0n);
  if (typeof v === "number") return doubleField(2, v);
  return stringField(3, v);
}

function summaryValue(tag: string, pluginData: number[]): number[] {
  // HParamsPluginData.version is 0 (PLUGIN_DATA_VERSION), proto3's default: not written.
  const metadata = bytesField(1, [...stringField(1, PLUGIN_NAME), ...bytesField(2, pluginData)]);
  const nullTensor = [...varintField(1, 1n), ...bytesField(2, bytesField(2, []))];
  return bytesField(1, [...stringField(1, tag), ...bytesField(9, metadata), ...bytesField(8, nullTensor)]);
}

/** An Event holding one summary value. */
function event(wallTime: number, value: number[]): Uint8Array {
  return Uint8Array.from([...doubleField(1, wallTime), ...bytesField(5, value)]);
}

export function sessionStartEvent(groupName: string, hparams: Readonly<Record<string, HParamValue>>, startTimeSecs: number, wallTime: number): Uint8Array {
  const info: number[] = [];
  for (const name of Object.keys(hparams).sort()) {
    info.push(...bytesField(1, [...stringField(1, name), ...bytesField(2, protoValue(hparams[name] as HParamValue))]));
  }
  info.push(...stringField(4, groupName), ...doubleField(5, startTimeSecs));
  return event(wallTime, summaryValue(TAGS.sessionStart, bytesField(3, info)));
}

export function sessionEndEvent(status: number, wallTime: number): Uint8Array {
  const info = status ? varintField(1, BigInt(status)) : [];
  return event(wallTime, summaryValue(TAGS.sessionEnd, bytesField(4, info)));
}

/** Guild's domains: numbers an unbounded interval, booleans and strings discrete, mixed none. */
export function experimentEvent(hparams: readonly HParamDomain[], metrics: readonly string[], timeCreatedSecs: number, wallTime: number): Uint8Array {
  const exp: number[] = [...doubleField(3, timeCreatedSecs)];
  for (const hp of [...hparams].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) exp.push(...bytesField(4, hparamInfo(hp)));
  for (const tag of [...metrics].sort()) exp.push(...bytesField(5, bytesField(1, stringField(2, tag))));
  return event(wallTime, summaryValue(TAGS.experiment, bytesField(2, exp)));
}

function hparamInfo(hp: HParamDomain): number[] {
  const out = stringField(1, hp.name);
  const kinds = new Set(hp.values.map((v) => typeof v));
  if (kinds.size !== 1) return out;
  if (kinds.has("number")) {
    return [...out, ...varintField(4, BigInt(DATA_TYPE.float64)), ...bytesField(6, [...doubleField(1, -Infinity), ...doubleField(2, Infinity)])];
  }
  const values = kinds.has("boolean") ? [true, false] : [...new Set(hp.values)].sort();
  const list = values.flatMap((v) => bytesField(1, protoValue(v)));
  return [...out, ...varintField(4, BigInt(kinds.has("boolean") ? DATA_TYPE.bool : DATA_TYPE.string)), ...bytesField(5, list)];
}

/** Guild's mapping of run status to the plugin's. */
export function statusFor(runStatus: string): number {
  if (runStatus === "completed" || runStatus === "terminated") return STATUS.success;
  if (runStatus === "error") return STATUS.failure;
  if (runStatus === "running") return STATUS.running;
  return STATUS.unknown;
}
