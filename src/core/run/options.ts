/** The options of `guild run`, and the `run_params` attr that records them. */
import type { Relaunch } from "./background.js";

export interface RunOptions {
  opspec?: string;
  flagArgs: string[];
  label?: string;
  tag?: string;
  batchLabel?: string;
  batchTag?: string;
  stage: boolean;
  stageTrials: boolean;
  /** `--start` / `--restart` RUN. */
  start?: string;
  yes: boolean;
  quiet: boolean;
  forceFlags: boolean;
  gpus?: string;
  noGpus: boolean;
  maxTrials?: number;
  randomSeed?: number;
  optimizer?: string;
  /** `--minimize` / `--maximize` SCALAR: a Bayesian optimizer's objective. */
  minimize?: string;
  maximize?: string;
  /** `-Fo/--opt-flag NAME=VAL`: the optimizer's own flags. */
  optFlags: string[];
  failOnTrialError: boolean;
  needed: boolean;
  printCmd: boolean;
  printEnv: boolean;
  printTrials: boolean;
  /** `--save-trials PATH`. */
  saveTrials?: string;
  /** `-b/--background` or `--pidfile`: start detached (core/run/background.ts). */
  background?: { background: boolean; pidfile?: string; relaunch: Relaunch };
  /** Where tables (`--print-trials`) are cut: the terminal's width; undefined in pipes. Not recorded. */
  tableWidth?: number;
  /** In the detached process: the id its launcher gave the new run. */
  runId?: string;
}

export function defaultRunOptions(): RunOptions {
  return {
    flagArgs: [],
    stage: false,
    stageTrials: false,
    yes: false,
    quiet: false,
    forceFlags: false,
    noGpus: false,
    optFlags: [],
    failOnTrialError: false,
    needed: false,
    printCmd: false,
    printEnv: false,
    printTrials: false,
  };
}

/** Guild's `run_params` map: every `guild run` option, by its Python name. */
export function runParamsFor(opts: RunOptions): Record<string, unknown> {
  return {
    background: opts.background?.background ?? false,
    batch_label: opts.batchLabel ?? null,
    batch_tag: opts.batchTag ?? null,
    debug_sourcecode: null,
    edit_flags: false,
    fail_on_trial_error: opts.failOnTrialError,
    flags: opts.flagArgs,
    force_flags: opts.forceFlags,
    force_sourcecode: false,
    gpus: opts.gpus ?? null,
    help_model: false,
    help_op: false,
    label: opts.label ?? null,
    max_trials: opts.maxTrials ?? null,
    maximize: opts.maximize ?? null,
    minimize: opts.minimize ?? null,
    needed: opts.needed,
    no_gpus: opts.noGpus,
    no_wait: false,
    opspec: opts.opspec ?? null,
    opt_flags: opts.optFlags,
    optimize: false,
    optimizer: opts.optimizer ?? null,
    pidfile: opts.background?.pidfile ?? null,
    print_cmd: opts.printCmd,
    print_env: opts.printEnv,
    print_trials: opts.printTrials,
    proto: null,
    quiet: opts.quiet,
    random_seed: opts.randomSeed ?? null,
    remote: null,
    restart: opts.start ?? null,
    run_dir: null,
    save_trials: opts.saveTrials ?? null,
    set_trace: false,
    stage: opts.stage,
    stage_trials: opts.stageTrials,
    stop_after: null,
    tag: opts.tag ?? null,
    test_flags: false,
    test_output_scalars: null,
    test_sourcecode: false,
    yes: opts.yes,
  };
}
