/**
 * User-facing error texts, worded as Guild words them (lower-case, no full
 * stop, names in single quotes, an optional `Try ...` line). Kept together so
 * the wording is reviewed in one place.
 */

const TRY_OPS = "Try 'guild operations' for a list of available operations.";

/** Guild's `cli.table` rows: indented 2, columns padded to width + 2, the last unpadded. */
export function tableRows(rows: readonly (readonly [string, string])[], indent = 2): string[] {
  const width = Math.max(0, ...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${" ".repeat(indent)}${a.padEnd(width + 2)}${b}`);
}

export const msg = {
  opNotDefinedForProject: (op: string) =>
    `operation '${op}' is not defined for this project\n${TRY_OPS}`,
  opNotDefinedForModel: (op: string, model: string) =>
    `operation '${op}' is not defined for model '${model}'\n` +
    `Try 'guild operations ${model}' for a list of available operations.`,
  cannotFindOp: (spec: string) =>
    `cannot find operation ${spec}\n` +
    "You may need to include a model in the form MODEL:OPERATION. " +
    TRY_OPS,
  cannotFindOpWithModel: (spec: string) => `cannot find operation ${spec}\n${TRY_OPS}`,
  invalidOpspec: (spec: string) => `invalid operation '${spec}'\n${TRY_OPS}`,
  noDefaultOp: () => "cannot find a default operation\nTry 'guild operations' for a list.",
  noDefaultOpForProject: () => `a default operation is not defined for this project\n${TRY_OPS}`,
  guildfileError: (dirDesc: string) =>
    `guildfile ${dirDesc} contains an error (see above for details)`,
  invalidFlagArg: (arg: string) => `invalid argument '${arg}' - expected NAME=VAL`,
  unsupportedFlag: (name: string, opspec: string) =>
    `unsupported flag '${name}'\n` +
    `Try 'guild run ${opspec} --help-op' for a list of flags or use --force-flags to skip this check.`,
  invalidFlagValue: (value: string, name: string, why: string) =>
    `invalid value ${value} for ${name}: ${why}`,
  unsupportedChoice: (name: string, rows: readonly (readonly [string, string])[]) =>
    [
      `Unsupported value for '${name}' - supported values are:`,
      "",
      ...tableRows(rows),
      "",
      "Run the command again using one of these options.",
    ].join("\n"),
  missingRequiredFlags: (rows: readonly (readonly [string, string])[]) =>
    [
      "Operation requires the following missing flags:",
      "",
      ...tableRows(rows),
      "",
      "Run the command again with these flags specified as NAME=VAL.",
    ].join("\n"),
  noSuchBatchFile: (path: string) => `batch file ${path} does not exist`,
  batchFileError: (path: string, why: string) => `cannot read trials for ${path}: ${why}`,
  notBatchMaxTrials: () => "WARNING: not a batch run - ignoring --max-trials",
  cannotPrintTrials: () => "cannot print trials for a non-batch operation",
  cannotSaveTrials: () => "cannot save trials for a non-batch operation",
  noSearchDimensions: (flagsDesc: string) =>
    `flags for batch (${flagsDesc}) do not contain any search dimensions\n` +
    "Try specifying a range for one or more flags as NAME=[MIN:MAX].",
  unsupportedOptimizer: (name: string) =>
    `optimizer '${name}' is not supported (supported: random, gp, forest, gbrt, tpe, '+')\nTry 'guild run --help' for more information.`,
  stageTrialsNotSupported: (guildOp: string) => `operation '${guildOp}' does not support --stage-trials`,
  optimizerCannot: (what: string) => `ERROR: [guild] optimizer does not support ${what}`,
  invalidNoise: (value: string) => `invalid value ${value} for noise: expected 'gaussian' or a number not less than 0`,
  noRunMatch: (spec: string) => `could not find a run matching '${spec}'\nTry 'guild runs list' for a list.`,
  /** `cmdPath` is the whole command, e.g. `guild runs rm`. */
  noRunMatchCmd: (spec: string, cmdPath: string) =>
    `could not find a run matching '${spec}'\n` +
    `Try 'guild runs list' for a list or '${cmdPath} --help' for more information.`,
  multipleRunsMatch: (spec: string, shortIds: string[]) =>
    `'${spec}' matches multiple runs:\n${shortIds.map((s) => `  ${s}`).join("\n")}`,
  cannotRestartRunning: (id: string) => `cannot restart run ${id} because it's running`,
  missingOpConfig: (dir: string) =>
    `cannot restart run in ${dir}: missing op configuration\n` +
    "The run may not have been initialized correctly. Try starting the operation without the --start/--restart flag.",
  optionsConflict: (a: string, b: string, cmd = "guild run") =>
    `${a} and ${b} cannot both be used\nTry '${cmd} --help' for more information.`,
  cannotUseWithRestart: (what: string) =>
    `${what} cannot be used with --restart\nTry 'guild run --help' for more information.`,
  noMatchingRuns: () => "no matching runs",
  invalidCmdReference: (name: string) =>
    `invalid setting for operation: command contains invalid reference '${name}'`,
  // Guild has no message for this (its ReferenceCycleError escapes as a traceback).
  cmdReferenceCycle: (names: string[]) =>
    `invalid setting for operation: command contains a reference cycle: ${names.map((n) => `'${n}'`).join(" -> ")}`,
  invalidStepsData: (dataRepr: string) => `invalid steps data ${dataRepr}: expected list`,
  stepMustDefineRun: (dataRepr: string) => `invalid step ${dataRepr}: must define run`,
  invalidStepData: (dataRepr: string) => `invalid step data: ${dataRepr}`,
  invalidStepFlags: (flagsRepr: string) => `invalid flags value ${flagsRepr}`,
  invalidRunSpec: (specRepr: string, why: string) => `invalid run spec ${specRepr}: ${why}`,
  stepParamIgnored: (name: string, specRepr: string) => `run parameter ${name} used in ${specRepr} ignored`,
  // Guild stops with a traceback for these two.
  stepInvalidReference: (step: string, name: string) => `step '${step}' contains invalid reference '${name}'`,
  stepReferenceCycle: (step: string, names: string[]) =>
    `step '${step}' contains a reference cycle: ${names.map((n) => `'${n}'`).join(" -> ")}`,
  stepOptionNotSupported: (option: string) => `${option} in a step is not supported yet`,
  shadowedFlag: (name: string, encodedValue: string, argName: string) =>
    `WARNING: ignoring flag '${name}=${encodedValue}' because it's shadowed in the operation cmd as --${argName}`,
  homeNotADirectory: (path: string) => `guild home '${path}' is not a directory`,
  dirDoesNotExist: (path: string) => `directory '${path}' does not exist`,
  noSuchScript: (path: string) => `file '${path}' does not exist`,
} as const;
