/**
 * A schema-driven protobuf decoder for the HParams summaries, for tests:
 * the schemas below are transcribed from TensorBoard's .proto files
 * (tensorboard/compat/proto/event.proto, summary.proto, tensor.proto,
 * tensor_shape.proto; tensorboard/plugins/hparams/api.proto and
 * plugin_data.proto; google/protobuf/struct.proto). Every field must be
 * known to its message and have the wire type its proto type implies;
 * anything else throws. Shares nothing with src/core/tfevent.
 */
import { fields, type Field } from "./tfevent-decode.js";

type Kind = "double" | "float" | "int" | "bool" | "string" | "bytes" | Schema;
interface FieldDef {
  name: string;
  kind: Kind;
  repeated?: boolean;
  /** A map<string, V> field: entries {1 key, 2 value}. */
  map?: boolean;
}
type Schema = { [no: number]: FieldDef };

const ListValue: Schema = {};
const Value: Schema = {
  1: { name: "null_value", kind: "int" },
  2: { name: "number_value", kind: "double" },
  3: { name: "string_value", kind: "string" },
  4: { name: "bool_value", kind: "bool" },
  6: { name: "list_value", kind: ListValue },
};
ListValue[1] = { name: "values", kind: Value, repeated: true };

const Interval: Schema = { 1: { name: "min_value", kind: "double" }, 2: { name: "max_value", kind: "double" } };
const HParamInfo: Schema = {
  1: { name: "name", kind: "string" },
  2: { name: "display_name", kind: "string" },
  3: { name: "description", kind: "string" },
  4: { name: "type", kind: "int" },
  5: { name: "domain_discrete", kind: ListValue },
  6: { name: "domain_interval", kind: Interval },
  7: { name: "differs", kind: "bool" },
};
const MetricName: Schema = { 1: { name: "group", kind: "string" }, 2: { name: "tag", kind: "string" } };
const MetricInfo: Schema = {
  1: { name: "name", kind: MetricName },
  3: { name: "display_name", kind: "string" },
  4: { name: "description", kind: "string" },
  5: { name: "dataset_type", kind: "int" },
};
const Experiment: Schema = {
  6: { name: "name", kind: "string" },
  1: { name: "description", kind: "string" },
  2: { name: "user", kind: "string" },
  3: { name: "time_created_secs", kind: "double" },
  4: { name: "hparam_infos", kind: HParamInfo, repeated: true },
  5: { name: "metric_infos", kind: MetricInfo, repeated: true },
};
const SessionStartInfo: Schema = {
  1: { name: "hparams", kind: Value, map: true },
  2: { name: "model_uri", kind: "string" },
  3: { name: "monitor_url", kind: "string" },
  4: { name: "group_name", kind: "string" },
  5: { name: "start_time_secs", kind: "double" },
};
const SessionEndInfo: Schema = { 1: { name: "status", kind: "int" }, 2: { name: "end_time_secs", kind: "double" } };
export const HParamsPluginData: Schema = {
  1: { name: "version", kind: "int" },
  2: { name: "experiment", kind: Experiment },
  3: { name: "session_start_info", kind: SessionStartInfo },
  4: { name: "session_end_info", kind: SessionEndInfo },
};
const PluginData: Schema = { 1: { name: "plugin_name", kind: "string" }, 2: { name: "content", kind: "bytes" } };
const SummaryMetadata: Schema = {
  1: { name: "plugin_data", kind: PluginData },
  2: { name: "display_name", kind: "string" },
  3: { name: "summary_description", kind: "string" },
  4: { name: "data_class", kind: "int" },
};
const Dim: Schema = { 1: { name: "size", kind: "int" }, 2: { name: "name", kind: "string" } };
const TensorShape: Schema = { 2: { name: "dim", kind: Dim, repeated: true }, 3: { name: "unknown_rank", kind: "bool" } };
const Tensor: Schema = {
  1: { name: "dtype", kind: "int" },
  2: { name: "tensor_shape", kind: TensorShape },
  4: { name: "tensor_content", kind: "bytes" },
};
const SummaryValue: Schema = {
  7: { name: "node_name", kind: "string" },
  1: { name: "tag", kind: "string" },
  9: { name: "metadata", kind: SummaryMetadata },
  2: { name: "simple_value", kind: "float" },
  8: { name: "tensor", kind: Tensor },
};
const Summary: Schema = { 1: { name: "value", kind: SummaryValue, repeated: true } };
export const Event: Schema = {
  1: { name: "wall_time", kind: "double" },
  2: { name: "step", kind: "int" },
  3: { name: "file_version", kind: "string" },
  5: { name: "summary", kind: Summary },
};

const WIRE: Record<string, number> = { double: 1, float: 5, int: 0, bool: 0, string: 2, bytes: 2 };

export type Decoded = { [name: string]: unknown };

export function decodeMessage(buf: Buffer, schema: Schema): Decoded {
  const out: Decoded = {};
  for (const f of fields(buf)) {
    const def = schema[f.no];
    if (!def) throw new Error(`unknown field ${f.no}`);
    const value = def.map ? mapEntry(f, def) : decodeField(f, def);
    if (def.map) out[def.name] = { ...(out[def.name] as object), ...(value as object) };
    else if (def.repeated) out[def.name] = [...((out[def.name] as unknown[]) ?? []), value];
    else out[def.name] = value;
  }
  return out;
}

function mapEntry(f: Field, def: FieldDef): Decoded {
  const entry = decodeMessage(f.raw as Buffer, { 1: { name: "key", kind: "string" }, 2: { name: "value", kind: def.kind } });
  return { [entry.key as string]: entry.value };
}

function decodeField(f: Field, def: FieldDef): unknown {
  const want = typeof def.kind === "string" ? WIRE[def.kind] : 2;
  if (f.type !== want) throw new Error(`${def.name}: wire type ${f.type}, want ${want}`);
  if (typeof def.kind !== "string") return decodeMessage(f.raw as Buffer, def.kind);
  switch (def.kind) {
    case "double":
      return f.raw?.readDoubleLE(0);
    case "float":
      return f.raw?.readFloatLE(0);
    case "int":
      return Number(f.int);
    case "bool":
      return f.int === 1n;
    case "string":
      return f.raw?.toString("utf8");
    default:
      return f.raw;
  }
}
