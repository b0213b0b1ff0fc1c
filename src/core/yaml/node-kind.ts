/** What kind of node a parsed YAML node is, without loading the `yaml` runtime. */
import type { Node } from "yaml";

export type NodeKind = "alias" | "map" | "seq" | "scalar";

// The library tags its node classes with registry symbols (what its own
// isMap/isSeq test); reading them here keeps the runtime module lazily loaded.
const NODE_TYPE = Symbol.for("yaml.node.type");
const KINDS = new Map<unknown, NodeKind>([
  [Symbol.for("yaml.alias"), "alias"],
  [Symbol.for("yaml.map"), "map"],
  [Symbol.for("yaml.seq"), "seq"],
]);

export function nodeKind(node: Node): NodeKind {
  return KINDS.get((node as unknown as Record<symbol, unknown>)[NODE_TYPE]) ?? "scalar";
}
