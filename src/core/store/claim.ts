/**
 * Who may start a run: the one interface every starter goes through (new
 * runs, `--start`, queues, batches handing over their trials), and the one
 * place that picks its implementation.
 *
 * A run is free, staged (waiting to be started), or claimed by one process
 * that is about to start or stage it. A claim ends when the run's LOCK names
 * the started process (`completeClaim`) or when the run is handed back as
 * staged (`stageClaimed`). A claim whose process died first is *abandoned*:
 * a run that was staged reads as `staged` again, unless it had already
 * started, and the next claimer takes the claim over; a run being started
 * at once reads `terminated`. So a queue or batch killed at any moment loses
 * no run, and no run starts twice.
 *
 * Today's implementation keeps claims as files in the run directory, which
 * coordinates every process on one machine (or sharing one filesystem with
 * atomic rename). A networked queue coordinating several machines would be
 * another `RunClaims`, selected here; nothing else changes.
 */
import { fileClaims } from "./file-claims.js";

/**
 * `claimed`: a live process holds the run; `staged`: waiting to be started;
 * `abandoned`: its claimer died before starting or staging it, and the run
 * was staged (or a trial waiting for its batch): it can be staged again;
 * `interrupted`: its claimer died while starting it at once (a new run, or
 * a finished one started again); `none`: no claim and not staged (a
 * running or finished run).
 */
export type ClaimState = "none" | "staged" | "claimed" | "abandoned" | "interrupted";

/** `not-staged`: nothing to claim (started, finished, or never staged). */
export type ClaimResult = "claimed" | "taken" | "not-staged";

export interface RunClaims {
  /**
   * Marks a new run, still being assembled out of sight: staged; `pending`
   * (claimed by us, staged again if we die: a batch's trial); or `starting`
   * (claimed by us to start at once).
   */
  initNewRun(runDir: string, state: "staged" | "pending" | "starting"): void;
  /**
   * A new run marked by `initNewRun` where it was assembled is now at
   * `runDir`: our claim on it (if any) is kept fresh there (see lease.ts).
   */
  keepNewRunClaim(runDir: string): void;
  stateOf(runDir: string): ClaimState;
  /**
   * For queues: claims a staged run, or one whose claimer died before it
   * started. Atomic across any number of processes.
   */
  claimStaged(runDir: string): ClaimResult;
  /**
   * For `--start`: claims a run whatever its state, unless another live
   * process holds it. A claim held by our parent process (a queue that
   * starts a run through `guild run --start`) is handed over to us.
   */
  claimForStart(runDir: string): ClaimResult;
  /** Hands a run we hold over as staged: a batch staging a trial, `--stage`. */
  stageClaimed(runDir: string): void;
  /**
   * Gives a claim back unused (the run could not be started): a run that was
   * staged is staged again, one claimed to start at once is left as it was.
   */
  releaseClaim(runDir: string): void;
  /** Ends our claim: the run's LOCK now names the process that runs it. */
  completeClaim(runDir: string): void;
  /** Whether we (still) hold the run's claim. */
  holdsClaim(runDir: string): boolean;
}

export const runClaims: RunClaims = fileClaims;
