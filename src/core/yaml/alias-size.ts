/**
 * How big a YAML document becomes once its aliases are expanded. PyYAML
 * shares an aliased node rather than copying it, so a "billion laughs"
 * document (each level aliasing the one before ten times) loads small, but
 * everything that walks the value (validation, flag resolution, writing
 * attrs) still sees the expanded tree. Counting it first, in time linear in
 * the document, lets the loader refuse such a document before any walk.
 */
import type { Alias, Document, Node, Pair, YAMLMap, YAMLSeq } from "yaml";
import { nodeKind } from "./node-kind.js";
import { yamlError } from "./scalars.js";

/** Nodes that aliases may add to a document. A real guild.yml adds hundreds. */
export const MAX_ALIAS_EXPANSION = 100_000;

export type AliasResolver = (alias: Alias) => Node | undefined;

/** Fails when expanding `root`'s aliases would add more than MAX_ALIAS_EXPANSION nodes. */
export function checkAliasExpansion(root: Node | null, resolve: AliasResolver): void {
  // Expanded size per distinct node: each is counted once however often it is aliased.
  const sizes = new Map<Node, number>();
  const sizeOf = (node: Node | null | undefined): number => {
    if (!node) return 0;
    if (nodeKind(node) === "alias") return sizeOf(resolve(node as Alias));
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // Placeholder for a node that contains itself; composing it fails later with its own message.
    sizes.set(node, 0);
    const size = 1 + childrenOf(node).reduce((sum, child) => sum + sizeOf(child), 0);
    sizes.set(node, size);
    return size;
  };
  const expanded = sizeOf(root);
  if (expanded - sizes.size > MAX_ALIAS_EXPANSION) {
    throw yamlError(`aliases expand the document to ${expanded} nodes (at most ${MAX_ALIAS_EXPANSION} may come from aliases)`);
  }
}

function childrenOf(node: Node): (Node | null)[] {
  const kind = nodeKind(node);
  if (kind === "seq") return (node as YAMLSeq).items as (Node | null)[];
  if (kind !== "map") return [];
  return ((node as YAMLMap).items as Pair<Node | null, Node | null>[]).flatMap((p) => [p.key, p.value]);
}

/** Resolves each alias once: the library searches the whole document per call. */
export function aliasResolver(doc: Document): AliasResolver {
  const targets = new Map<Alias, Node | undefined>();
  return (alias) => {
    if (!targets.has(alias)) targets.set(alias, alias.resolve(doc) as Node | undefined);
    return targets.get(alias);
  };
}
