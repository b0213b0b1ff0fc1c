/**
 * PyYAML's scanner takes only spaces as separation: a tab outside a quoted
 * scalar, a block scalar or a comment is a ScannerError (`found character
 * '\t' that cannot start any token`). YAML 1.2 parsers accept such tabs, so
 * texts holding a tab are checked token by token.
 */
import type * as YamlModule from "yaml";

const SCALAR_MARKER = "\u001f";

/** True when PyYAML would fail on a tab somewhere in `text`. */
export function hasRejectedTab(yaml: typeof YamlModule, text: string): boolean {
  if (!text.includes("\t")) return false;
  let afterMarker = false;
  let blockHeader = false;
  for (const token of new yaml.Lexer().lex(text)) {
    const type = yaml.CST.tokenType(token);
    if (afterMarker) {
      // The token after a scalar marker is its source: block content may hold tabs, plain text may not.
      if (!blockHeader && token.includes("\t")) return true;
      afterMarker = false;
      blockHeader = false;
    } else if (token === SCALAR_MARKER) {
      afterMarker = true;
    } else if (type === "block-scalar-header") {
      blockHeader = true;
    } else if (type === "space" && token.includes("\t")) {
      return true;
    }
  }
  return false;
}
