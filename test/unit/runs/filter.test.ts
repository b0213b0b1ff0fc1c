// The runs filters (§9.2) as one predicate over rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { filterRuns, statusCheckNeeded, type FilterableRun, type RunsFilter } from "../../../src/core/runs/filter.js";

const T = (iso: string) => new Date(iso).getTime() * 1000;

const RUNS: (FilterableRun & { name: string })[] = [
  { name: "a", status: "completed", opDesc: "train", pkgDesc: "~/proj/guild.yml", label: "lr=0.1 best", marked: true, timestamp: T("2020-07-27T10:00:00"), digest: "abc123", tags: ["best", "v1"], host: "gpu1" },
  { name: "b", status: "error", opDesc: "say.py+", pkgDesc: "guildai", label: "", marked: false, timestamp: T("2020-07-27T12:00:00"), digest: "", tags: [], host: "gpu2" },
  { name: "c", status: "staged", opDesc: "say.py", pkgDesc: "/srv/other", label: "  ", marked: false, timestamp: undefined, digest: "abd000", tags: ["v1"], host: "" },
];

function names(f: RunsFilter): string {
  return filterRuns(RUNS, f).map((r) => r.name).join(" ");
}

const CASES: [RunsFilter, string][] = [
  [{}, "a b c"],
  [{ statuses: ["completed", "staged"] }, "a c"],
  [{ ops: ["train"] }, "a"],
  [{ ops: ["proj/guild.yml/tr"] }, "a"],
  [{ ops: ["say", "train"] }, "a b c"],
  [{ ops: ["guildai/say.py+"] }, "b"],
  [{ labels: ["best"] }, "a"],
  [{ labels: ["nope", "lr="] }, "a"],
  [{ unlabeled: true }, "b c"],
  [{ marked: true }, "a"],
  [{ unmarked: true }, "b c"],
  [{ digest: "ab" }, "a c"],
  [{ digest: "abc" }, "a"],
  [{ started: { start: new Date("2020-07-27T11:00:00"), end: null } }, "b"],
  [{ started: { start: null, end: new Date("2020-07-27T12:00:00") } }, "a"],
  [{ statuses: ["error"], unlabeled: true }, "b"],
  [{ hosts: ["gpu1"] }, "a"],
  [{ hosts: ["gpu2", "gpu1"] }, "a b"],
  [{ hosts: ["gpu"] }, ""],
  [{ hosts: [] }, "a b c"],
  [{ tags: ["v1"] }, "a c"],
  [{ tags: ["best", "nope"] }, "a"],
  [{ tags: ["bes"] }, ""],
];

test("filters", () => {
  for (const [f, want] of CASES) assert.equal(names(f), want, JSON.stringify(f));
});

// Which cached statuses a filter checks: all, unless it looks only for staged or pending runs.
const ALL = "completed error terminated staged running";
const CHECKS: [RunsFilter, string][] = [
  [{}, ALL],
  [{ statuses: ["completed"] }, ALL],
  [{ statuses: ["running"] }, ALL],
  [{ statuses: ["staged"] }, "staged running"],
  [{ statuses: ["staged", "pending"] }, "staged running"],
  [{ statuses: ["staged", "error"] }, ALL],
  [{ statuses: ["pending"], labels: ["x"] }, "staged running"],
];

test("statusCheckNeeded", () => {
  const all = ["completed", "error", "terminated", "staged", "running"] as const;
  for (const [f, want] of CHECKS) assert.equal(all.filter(statusCheckNeeded(f)).join(" "), want, JSON.stringify(f));
});
