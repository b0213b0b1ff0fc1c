/**
 * Turns a parsed YAML document (eemeli/yaml, read with the failsafe schema so
 * every scalar keeps its source text) into values typed as PyYAML SafeLoader
 * types them. Typing is ours, not the library's, because Guild depends on
 * YAML 1.1 details the library's 1.1 schema does not share (Guild's float
 * patch, `1_000`, `0b`, sexagesimal `1:30`, what stays a string).
 */
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { nameMap, PyFloat, type FlagMap, type FlagValue } from "../flags/value.js";
import { pyFloatRepr, pyIntStr } from "./float-format.js";
import { aliasResolver, checkAliasExpansion, type AliasResolver } from "./alias-size.js";
import { nodeKind } from "./node-kind.js";
import { constructScalar, resolvePlainScalar, yamlError, type ScalarKind } from "./scalars.js";

const STD_TAG = "tag:yaml.org,2002:";

// Explicit `!!` tags SafeLoader constructs from scalar text.
const SCALAR_TAGS: Record<string, ScalarKind> = {
  str: "str", int: "int", float: "float", bool: "bool", null: "null", timestamp: "timestamp",
};

interface Composer {
  source: string;
  resolve: AliasResolver;
  active: Set<Node>;
  /** Anchored nodes already composed: an alias yields the same value, as in PyYAML. */
  anchored: Map<Node, FlagValue>;
}

/** The value of `doc`, parsed from `source`. */
export function composeDocument(doc: Document, source: string): FlagValue {
  const contents = doc.contents as Node | null;
  // PyYAML fails on a stream that opens with `...` (a document end with no document).
  if (!doc.directives?.docStart && doc.directives?.docEnd && isAbsentNode(contents)) {
    throw yamlError("expected the node content, but found '<document end>'");
  }
  const resolve = aliasResolver(doc);
  checkAliasExpansion(contents, resolve);
  return composeNode({ source, resolve, active: new Set(), anchored: new Map() }, contents);
}

function isAbsentNode(node: Node | null): boolean {
  if (!node) return true;
  const range = node.range;
  return nodeKind(node) === "scalar" && (node as Scalar).value === "" && !!range && range[0] === range[1];
}

function composeNode(c: Composer, node: Node | null | undefined): FlagValue {
  if (node === null || node === undefined) return null;
  const kind = nodeKind(node);
  checkAnchorName(kind === "alias" ? (node as Alias).source : (node as Scalar).anchor);
  if (kind === "alias") return composeAlias(c, node as Alias);
  if (c.anchored.has(node)) return c.anchored.get(node) as FlagValue;
  // A node that contains itself (through an alias) has no JSON-like value.
  if (c.active.has(node)) throw yamlError("recursive alias is not supported");
  c.active.add(node);
  try {
    const value = kind === "map" ? composeMap(c, node as YAMLMap) : kind === "seq" ? composeSeq(c, node as YAMLSeq) : composeScalar(node as Scalar);
    if ((node as Scalar).anchor !== undefined) c.anchored.set(node, value);
    return value;
  } finally {
    c.active.delete(node);
  }
}

// PyYAML only takes alphanumerics, `-` and `_` in anchor and alias names.
function checkAnchorName(name: string | undefined): void {
  if (name !== undefined && !/^[0-9A-Za-z_-]+$/.test(name)) throw yamlError(`invalid anchor name '${name}'`);
}

function composeAlias(c: Composer, alias: Alias): FlagValue {
  const target = c.resolve(alias);
  if (!target) throw yamlError(`found undefined alias ${alias.source}`);
  return composeNode(c, target);
}

function composeScalar(node: Scalar): FlagValue {
  const text = String(node.value ?? "");
  const tag = node.tag;
  if (tag === undefined) return node.type === "PLAIN" ? resolvePlainScalar(text) : text;
  // `!` is the non-specific tag: typed as if untagged.
  if (tag === "!") return node.type === "PLAIN" ? resolvePlainScalar(text) : text;
  const kind = tag.startsWith(STD_TAG) ? SCALAR_TAGS[tag.slice(STD_TAG.length)] : undefined;
  if (!kind) throw yamlError(`could not determine a constructor for the tag '${tag}'`);
  return constructScalar(kind, text);
}

function composeSeq(c: Composer, seq: YAMLSeq): FlagValue {
  const items = seq.items.map((item) => composeNode(c, item as Node | null));
  if (seq.tag === STD_TAG + "omap" || seq.tag === STD_TAG + "pairs") return items;
  checkCollectionTag(seq.tag, "seq");
  return items;
}

function composeMap(c: Composer, map: YAMLMap): FlagValue {
  const tag = map.tag;
  const result: FlagMap = nameMap();
  const merged: FlagMap[] = [];
  for (const pair of map.items as Pair<Node | null, Node | null>[]) {
    if (isMergeKey(pair.key)) {
      merged.push(...mergeSources(composeNode(c, pair.value)));
      continue;
    }
    result[keyString(composeKey(c, pair.key))] = composeNode(c, pair.value);
  }
  if (tag === STD_TAG + "set") return Object.keys(result);
  checkCollectionTag(tag, "map");
  // Merged keys never override the map's own keys; earlier sources win over later ones.
  return merged.length ? nameMap(...merged.reverse(), result) : result;
}

function checkCollectionTag(tag: string | undefined, kind: "seq" | "map"): void {
  if (tag !== undefined && tag !== "!" && tag !== STD_TAG + kind) {
    throw yamlError(`could not determine a constructor for the tag '${tag}'`);
  }
}

function isMergeKey(key: Node | null): boolean {
  if (!key || nodeKind(key) !== "scalar") return false;
  const scalar = key as Scalar;
  return scalar.type === "PLAIN" && scalar.tag === undefined && scalar.value === "<<";
}

function mergeSources(value: FlagValue): FlagMap[] {
  const sources = Array.isArray(value) ? value : [value];
  return sources.map((source) => {
    if (source === null || typeof source !== "object" || Array.isArray(source) || source instanceof PyFloat) {
      throw yamlError("expected a mapping or list of mappings for merging");
    }
    return source;
  });
}

function composeKey(c: Composer, key: Node | null): FlagValue {
  if (isMissingKey(c, key)) throw yamlError("expected the node content, but found ':'");
  const value = composeNode(c, key);
  // Python dict keys must be hashable: a list or map key fails to load.
  if (value !== null && typeof value === "object" && !(value instanceof PyFloat)) {
    throw yamlError("found unhashable key");
  }
  return value;
}

// PyYAML allows an empty key only after an explicit `?`; a bare `: x` fails.
function isMissingKey(c: Composer, key: Node | null): boolean {
  if (!key) return true;
  if (nodeKind(key) !== "scalar") return false;
  const scalar = key as Scalar;
  const start = scalar.range?.[0];
  if (scalar.value !== "" || scalar.type !== "PLAIN" || start === undefined || start !== scalar.range?.[1]) return false;
  return !c.source.slice(0, start).trimEnd().endsWith("?");
}

/** Keys are kept as strings, spelled as Python's `str()` would spell the key. */
function keyString(key: FlagValue): string {
  if (typeof key === "string") return key;
  if (key === null) return "None";
  if (typeof key === "boolean") return key ? "True" : "False";
  if (typeof key === "number") return pyIntStr(key);
  return key instanceof PyFloat ? pyFloatRepr(key.value) : String(key);
}
