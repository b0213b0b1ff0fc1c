// Time range specs of -S/--started. Cases are Guild's doctest
// guild/tests/timerange.md (ref 2019-05-01 14:35:23, a Wednesday), except
// month ranges, which end at the next month's start (Guild ends them at the
// start of the month's last day; see README "Differences").
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTimeRange, tokenize } from "../../../src/core/runs/timerange.js";
import { formatLocalTime } from "../../../src/core/util/time-format.js";

const REF = new Date(2019, 4, 1, 14, 35, 23);

function range(spec: string, ref = REF): string {
  const r = parseTimeRange(spec)(ref);
  const fmt = (d: Date | null) => (d ? formatLocalTime(d) : "None");
  return `${fmt(r.start)} | ${fmt(r.end)}`;
}

function error(spec: string): string {
  try {
    parseTimeRange(spec)(REF);
    return "no error";
  } catch (e) {
    return (e as Error).message;
  }
}

const CASES: [string, string][] = [
  ["this minute", "2019-05-01 14:35:00 | 2019-05-01 14:36:00"],
  ["1 minute ago", "2019-05-01 14:34:00 | 2019-05-01 14:35:00"],
  ["5 minutes ago", "2019-05-01 14:30:00 | 2019-05-01 14:31:00"],
  ["this hour", "2019-05-01 14:00:00 | 2019-05-01 15:00:00"],
  ["24 hours ago", "2019-04-30 14:00:00 | 2019-04-30 15:00:00"],
  ["today", "2019-05-01 00:00:00 | 2019-05-02 00:00:00"],
  ["ToDaY", "2019-05-01 00:00:00 | 2019-05-02 00:00:00"],
  ["yesterday", "2019-04-30 00:00:00 | 2019-05-01 00:00:00"],
  ["10 days ago", "2019-04-21 00:00:00 | 2019-04-22 00:00:00"],
  ["this week", "2019-04-29 00:00:00 | 2019-05-06 00:00:00"],
  ["10 weeks ago", "2019-02-18 00:00:00 | 2019-02-25 00:00:00"],
  ["this month", "2019-05-01 00:00:00 | 2019-06-01 00:00:00"],
  ["3 months ago", "2019-02-01 00:00:00 | 2019-03-01 00:00:00"],
  ["39 months ago", "2016-02-01 00:00:00 | 2016-03-01 00:00:00"],
  ["this year", "2019-01-01 00:00:00 | 2020-01-01 00:00:00"],
  ["5 years ago", "2014-01-01 00:00:00 | 2015-01-01 00:00:00"],
  ["before 2018-4-29", "None | 2018-04-29 00:00:00"],
  ["before 2019-4-29 9:35:05", "None | 2019-04-29 09:35:05"],
  ["before 19-4-29 9:35", "None | 2019-04-29 09:35:00"],
  ["before 4-28 15:45", "None | 2019-04-28 15:45:00"],
  ["before 23:30", "None | 2019-05-01 23:30:00"],
  ["before today", "None | 2019-05-01 00:00:00"],
  ["before 10 minutes ago", "None | 2019-05-01 14:25:00"],
  ["after 2019-4-29 9:35", "2019-04-29 09:35:00 | None"],
  ["after yesterday", "2019-05-01 00:00:00 | None"],
  ["after 3 days ago", "2019-04-29 00:00:00 | None"],
  ["after 2 weeks ago", "2019-04-22 00:00:00 | None"],
  ["after 1 year ago", "2019-01-01 00:00:00 | None"],
  ["last 2 minutes", "2019-05-01 14:33:23 | None"],
  ["last hour", "2019-05-01 13:35:23 | None"],
  ["last 10 days", "2019-04-21 14:35:23 | None"],
  ["between yesterday and today", "2019-04-30 00:00:00 | 2019-05-02 00:00:00"],
  ["between today and yesterday", "2019-04-30 00:00:00 | 2019-05-02 00:00:00"],
  ["between 10 minutes ago and 5 minutes ago", "2019-05-01 14:25:00 | 2019-05-01 14:31:00"],
  ["between 1-31 and 1-1", "2019-01-01 00:00:00 | 2019-01-31 00:00:00"],
  ["between 0:00:05 and 12:00:45", "2019-05-01 00:00:05 | 2019-05-01 12:00:45"],
  ["between 2018-1-1 and 10 days ago", "2018-01-01 00:00:00 | 2019-04-22 00:00:00"],
  ["10:00", "2019-05-01 10:00:00 | 2019-05-01 10:01:00"],
  ["2018-10-31 14:30:05", "2018-10-31 14:30:05 | 2018-10-31 14:30:06"],
  ["2018-10-31", "2018-10-31 00:00:00 | 2018-11-01 00:00:00"],
];

test("ranges for Guild's examples", () => {
  for (const [spec, want] of CASES) assert.equal(range(spec), want, spec);
});

test("a medium date takes the reference's century", () => {
  assert.equal(range("before 89-4-1", new Date(1900, 0, 1)), "None | 1989-04-01 00:00:00");
});

const ERRORS: [string, string][] = [
  ["", "spec cannot be empty"],
  ["last", "spec cannot be empty"],
  ["a", "unexpected 'a' at position 0"],
  ["after the equinox", "unexpected 'the' at position 6"],
  ["yearsss", "unexpected 'ss' at position 5"],
  ["1:2", "unexpected ':2' at position 1"],
  ["2015-01-03-01", "unexpected '-01' at position 10"],
  ["last 2 weeks", "unexpected 'weeks' at pos 7"],
  ["last month", "unexpected 'month' at pos 5"],
  ["today today", "unexpected 'today' at pos 6"],
  ["before 2018-4-31", "day is out of range for month"],
  ["between 11:00 and 24:00", "hour must be in 0..23"],
  ["2018-13-01", "month must be in 1..12"],
];

test("errors", () => {
  for (const [spec, want] of ERRORS) assert.equal(error(spec), want, JSON.stringify(spec));
});

test("tokens: units and their short forms", () => {
  const types = tokenize("min minute minutes hr hour hours days weeks months years").map((t) => (t.type === "unit" ? t.unit : t.type));
  assert.deepEqual(types, ["minute", "minute", "minute", "hour", "hour", "hour", "day", "week", "month", "year"]);
});
