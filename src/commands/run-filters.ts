/**
 * The run filters of `cat`, `ls` and `compare`: the same options and query
 * as every runs command (runs-options.ts).
 */
import type { Command } from "commander";
import type { RunsQuery } from "../core/runs/list.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

export type RunFilterCliOptions = FilterCliOptions;

export function addRunFilters(cmd: Command): Command {
  return addFilterOptions(cmd);
}

export function runsQueryFor(o: RunFilterCliOptions, cmd: Command): RunsQuery {
  return { ...runsFilterFor(o, commandPath(cmd)), deleted: false };
}
