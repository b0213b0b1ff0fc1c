// dumpYaml writes what PyYAML's safe_dump(default_flow_style=False,
// indent=2) writes (Guild's attr encoding), checked against PyYAML itself on
// random maps and lists of words: the words the emitter writes without
// analysing them (ids, paths, numbers, `a:b`) and the ones next to them that
// it must not (`yes`, `1e5`, `1:30`, `a:`, `-x`, `...`, words with spaces).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { dumpYaml } from "../../src/core/yaml/guild-yaml.js";
import { python } from "./helpers.js";

const PIECES = [
  "a", "x", "e", "E", "b", "0", "1", "9", "10", ".", "-", "+", "_", "/", ":", ",", "=", "@", "%", "~", "#", " ", "'", '"',
  "yes", "No", "on", "null", "Null", "true", "inf", ".inf", ".nan", "0x", "0b", "0o", "1e5", "1_0", "2001-12-14", "12:30",
  "---", "...", "<<", "?", "!", "&", "*", "|", ">", "[", "{", "é", "\t", "\n",
];
const word = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
const value = fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100000 }) });
const doc = fc.oneof(
  fc.dictionary(word, fc.oneof(value, fc.array(value, { maxLength: 3 })), { minKeys: 1, maxKeys: 5 }),
  fc.array(value, { minLength: 1, maxLength: 5 }),
);

// With Guild's float patch (util.patch_yaml_resolver), which Guild applies
// before it writes attrs: \`1e5\` and \`1e-5\` read as floats, so are quoted.
const PYYAML = `
import json, re, sys, yaml
yaml.resolver.Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$""", re.X),
    list("-+0123456789."),
)
docs = json.load(sys.stdin)
json.dump([yaml.safe_dump(d, default_flow_style=False, indent=2).strip() + "\\n" for d in docs], sys.stdout)
`;

test("dumpYaml = PyYAML safe_dump on random maps and lists of words (property)", () => {
  const docs = fc.sample(doc, { numRuns: 1500, seed: 13 });
  const r = python(["-c", PYYAML], { input: JSON.stringify(docs) });
  assert.equal(r.status, 0, r.stderr);
  const expected = JSON.parse(r.stdout) as string[];
  docs.forEach((d, i) => assert.equal(dumpYaml(d), expected[i], JSON.stringify(d)));
});
