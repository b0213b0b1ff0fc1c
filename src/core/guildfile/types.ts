/** Plain data for a parsed `guild.yml`. Behaviour lives in functions. */
import type { FlagValue } from "../flags/value.js";

export interface FlagDef {
  name: string;
  default?: FlagValue;
  description?: string;
  type?: string;
  required?: boolean;
  choices?: FlagChoice[];
  allowOther?: boolean;
  argName?: string;
  argSkip?: boolean;
  argSwitch?: FlagValue;
  envName?: string;
  nullLabel?: string;
  min?: FlagValue;
  max?: FlagValue;
  distribution?: string;
}

export interface FlagChoice {
  value: FlagValue;
  description?: string;
  alias?: FlagValue;
  flags?: Record<string, FlagValue>;
}

/** `all` = import every detected flag; a list = only those; `none`. */
export type FlagsImport = "all" | "none" | string[];

export interface OpDef {
  name: string;
  modelName: string;
  description?: string;
  isDefault: boolean;
  main?: string;
  exec?: string;
  steps?: unknown[];
  flags: Record<string, FlagDef>;
  /** Undefined = import attributes only for flags listed under `flags`. */
  flagsImport?: FlagsImport;
  flagsImportSkip: string[];
  flagsDest?: string;
  label?: string;
  env: Record<string, string>;
  sourcecode?: unknown;
  outputScalars?: unknown;
  /** Keys we read but do not act on yet are kept for `op` attrs. */
  raw: Record<string, unknown>;
}

export interface ModelDef {
  name: string;
  description?: string;
  isDefault: boolean;
  operations: OpDef[];
}

export interface Guildfile {
  path: string;
  dir: string;
  /** md5 of the file's bytes: the opref's package version. */
  digest: string;
  models: ModelDef[];
}
