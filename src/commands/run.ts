/** `guild run`: options and help text; the work is in core/run/run-op.ts. */
import { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { isFlagArg } from "../core/flags/args.js";
import { defaultRunOptions, type RunOptions } from "../core/run/options.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { parseIntOption } from "./option-parsers.js";

interface RunCliOptions {
  label?: string;
  tag?: string;
  batchLabel?: string;
  batchTag?: string;
  stage?: boolean;
  stageTrials?: boolean;
  start?: string;
  restart?: string;
  yes?: boolean;
  quiet?: boolean;
  forceFlags?: boolean;
  gpus?: string | boolean;
  maxTrials?: number;
  randomSeed?: number;
  optimizer?: string;
  minimize?: string;
  maximize?: string;
  optFlag?: string[];
  failOnTrialError?: boolean;
  needed?: boolean;
  printCmd?: boolean;
  printEnv?: boolean;
  printTrials?: boolean;
  saveTrials?: string;
  testOutputScalars?: string;
  background?: boolean;
  pidfile?: string;
  helpOp?: boolean;
}

export function registerRunCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("run")
    .summary("Run an operation.")
    .description(
      "Run an operation.\n\n" +
        "OPERATION is a Python script (say.py), an operation defined in guild.yml\n" +
        "([MODEL:]OPERATION), or the builtin 'queue'. Flags are given as NAME=VALUE;\n" +
        "a list value (msg=[a,b,c]) runs a batch with one trial per value, a range\n" +
        "(lr=[0.01:0.1], uniform[a:b], loguniform[a:b]) a random search, and @FILE\n" +
        "(CSV, JSON or YAML) one trial per row.",
    )
    .usage("[OPTIONS] [[MODEL:]OPERATION] [FLAG=VAL...]")
    .argument("[args...]", "operation followed by flags and @batch-files")
    .option("-l, --label <label>", "Set a label for the run.")
    .option("-t, --tag <tag>", "Prepend TAG to the default label.")
    .option("--batch-label <label>", "Label to use for batch runs (-bl).")
    .option("--batch-tag <tag>", "Prepend TAG to batch labels (-bt).")
    .option("--stage", "Stage an operation: prepare it but do not run it.")
    .option("--stage-trials", "For batch operations, stage trials without running them.")
    .option("--start <run>", "Start a staged run, or restart an existing run.")
    .option("--restart <run>", "Restart an existing run (the same as --start).")
    .option("-y, --yes", "Do not prompt before running the operation.")
    .option("-q, --quiet", "Do not show output.")
    .option("-f, --force-flags", "Accept all flag assignments, even for undefined or invalid values.")
    .option("--gpus <devices>", "Limit availabe GPUs to DEVICES, a comma separated list of device IDs.")
    .option("--no-gpus", "Disable GPUs for the run.")
    .option(
      "-m, --max-trials <n>",
      "Maximum number of trials to run in batch operations (random search: 20 by default).",
      parseIntOption("'-m' / '--max-trials'", 1),
    )
    .option("--random-seed <n>", "Random seed used when sampling trials or flag values.", parseIntOption("'--random-seed'"))
    .option(
      "-o, --optimizer <name>",
      "Optimize the run using the specified algorithm: random, gp (bayesian), forest, gbrt, tpe, or '+'.",
    )
    .option("-N, --minimize <scalar>", "Scalar a Bayesian optimizer minimizes (default: loss).")
    .option("-X, --maximize <scalar>", "Scalar a Bayesian optimizer maximizes.")
    .option("--opt-flag <name=val>", "Flag for the optimizer (-Fo); may be used more than once.", collect, [])
    .option("--fail-on-trial-error", "Stop a batch operation when a trial fails.")
    .option("--needed", "Run only if there is not an available matching run.")
    .option("--print-cmd", "Show operation command and exit.")
    .option("--print-env", "Show operation environment and exit.")
    .option("--print-trials", "Show generated trials and exit.")
    .option("--save-trials <path>", "Save generated trials to a CSV batch file and exit.")
    .option("--test-output-scalars <output>", "Test output scalars on OUTPUT (a file, or '-' for standard input).")
    .option("-b, --background", "Run operation in background.")
    .option("--pidfile <path>", "Run operation in background, writing the background process id to PATH.")
    .option("--help-op", "Show operation help and exit.")
    .action(async (args: string[], options: RunCliOptions, self: Command) => {
      if (options.helpOp) {
        const { printOpHelp } = await import("./operations.js");
        return printOpHelp(args, contextFor(self, io, { createHome: false }));
      }
      if (options.testOutputScalars !== undefined) {
        const { testOutputScalars } = await import("../core/scalars/test-output.js");
        return testOutputScalars(runOptionsFor(args, options).opspec, options.testOutputScalars, contextFor(self, io));
      }
      const { runOp } = await import("../core/run/run-op.js");
      const { registerBuiltinDrivers } = await import("../core/ops/builtin-drivers.js");
      registerBuiltinDrivers();
      const { installTerminationHandlers } = await import("./signals.js");
      const { exitCodeAfterSignal } = await import("../core/run/termination.js");
      const { runAsBackgroundChild, takeBackgroundChild } = await import("../core/run/background.js");
      // Set when this process is the detached half of `guild run --background`.
      const bgChild = takeBackgroundChild(process.env);
      const ctx = contextFor(self, io);
      installTerminationHandlers();
      const { followParent } = await import("../core/run/supervision.js");
      // Set when a queue started this process to run a batch, steps or queue.
      followParent(process.env);
      const { terminalWidth } = await import("../output.js");
      const opts = { ...runOptionsFor(args, options), tableWidth: terminalWidth(ctx.env) };
      const run = () => runOp(bgChild ? { ...opts, runId: bgChild.runId, yes: true } : opts, ctx);
      const result = bgChild ? await runAsBackgroundChild(bgChild, run) : await run();
      if (ctx.env.GUILD_BROKER) {
        const { publishStagedRuns } = await import("../core/broker/publish.js");
        await publishStagedRuns(ctx);
      }
      io.exitCode = exitCodeAfterSignal() ?? result.exitCode;
    });
  configure(cmd, io);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function runOptionsFor(args: readonly string[], o: RunCliOptions): RunOptions {
  const [first, ...rest] = args;
  const hasOpspec = first !== undefined && !isFlagArg(first);
  return {
    ...defaultRunOptions(),
    opspec: hasOpspec ? first : undefined,
    flagArgs: hasOpspec ? rest : [...args],
    label: o.label,
    tag: o.tag,
    batchLabel: o.batchLabel,
    batchTag: o.batchTag,
    stage: o.stage === true,
    stageTrials: o.stageTrials === true,
    start: o.start ?? o.restart,
    yes: o.yes === true,
    quiet: o.quiet === true,
    forceFlags: o.forceFlags === true,
    gpus: typeof o.gpus === "string" ? o.gpus : undefined,
    noGpus: o.gpus === false,
    maxTrials: o.maxTrials,
    randomSeed: o.randomSeed,
    optimizer: o.optimizer,
    minimize: o.minimize,
    maximize: o.maximize,
    optFlags: o.optFlag ?? [],
    failOnTrialError: o.failOnTrialError === true,
    needed: o.needed === true,
    printCmd: o.printCmd === true,
    printEnv: o.printEnv === true,
    printTrials: o.printTrials === true,
    saveTrials: o.saveTrials,
    background:
      o.background || o.pidfile !== undefined
        ? {
            background: o.background === true,
            pidfile: o.pidfile,
            relaunch: { argv: [process.execPath, ...process.argv.slice(1)], cwd: process.cwd() },
          }
        : undefined,
  };
}
