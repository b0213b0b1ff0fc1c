/**
 * Claims kept as files in the run's `.guild` directory (see claim.ts for the
 * contract).
 *
 * A run that can be started holds one token file, and a claim moves it by
 * rename, which is atomic and succeeds for exactly one of any number of
 * processes renaming the same name:
 *
 *   STAGED               staged, free to claim (Guild's own marker)
 *   CLAIMED.<owner key>  claimed by that process (pid, start time, host)
 *
 * Because a claim's name is unique to its owner, taking over an abandoned
 * claim is the same single rename: it cannot take a fresh claim by mistake,
 * as removing and re-creating a fixed-name marker could.
 *
 * A run that is not staged (finished, or never staged) has no token; `--start`
 * creates one and then checks that it is the only one, backing off if
 * another process did the same at the same moment.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { removeFile } from "./atomic.js";
import type { ClaimResult, ClaimState, RunClaims } from "./claim.js";
import { currentOwnerKey, isOwnerKeyAlive, ownerKeyFor } from "./owner-key.js";
import { attrPath, guildPath, MARKER } from "./paths.js";
import { currentProcessId } from "../util/proc.js";

const CLAIM_PREFIX = "CLAIMED.";

function claimName(key: string): string {
  return `${CLAIM_PREFIX}${key}`;
}

function ownClaimPath(runDir: string): string {
  return guildPath(runDir, claimName(currentOwnerKey()));
}

/** Owner keys of the claims on a run, sorted (all claimers see one order). */
function claimKeys(runDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(guildPath(runDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(CLAIM_PREFIX))
    .map((n) => n.slice(CLAIM_PREFIX.length))
    .sort();
}

/** Renames the token `name` to our claim; false if another process got it first. */
function takeToken(runDir: string, name: string): boolean {
  try {
    renameSync(guildPath(runDir, name), ownClaimPath(runDir));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

/** A run that started (or finished) since it was claimed is not staged. */
function hasStarted(runDir: string): boolean {
  return existsSync(guildPath(runDir, MARKER.LOCK)) || existsSync(attrPath(runDir, "exit_status"));
}

/**
 * Takes over an abandoned claim. Any live claim means the run is taken;
 * otherwise all claimers go for the first abandoned claim in name order, so
 * they race for one name and exactly one wins.
 */
function takeAbandoned(runDir: string): ClaimResult {
  const mine = currentOwnerKey();
  const others = claimKeys(runDir).filter((k) => k !== mine);
  if (others.some(isOwnerKeyAlive)) return "taken";
  const [first, ...rest] = others;
  if (first === undefined) return "not-staged";
  if (!takeToken(runDir, claimName(first))) return "taken";
  // More than one abandoned claim only if two `--start`s died at the same
  // moment; their owners are dead, so the names are ours to clear.
  for (const key of rest) removeFile(guildPath(runDir, claimName(key)));
  return "claimed";
}

/** Creates a claim on a run with no token, then checks that it is the only one. */
function createClaim(runDir: string): ClaimResult {
  const mine = currentOwnerKey();
  writeFileSync(ownClaimPath(runDir), "");
  const others = claimKeys(runDir).filter((k) => k !== mine);
  if (others.length || existsSync(guildPath(runDir, MARKER.STAGED))) {
    removeFile(ownClaimPath(runDir));
    return "taken";
  }
  return "claimed";
}

export const fileClaims: RunClaims = {
  initNewRun(runDir, state) {
    writeFileSync(state === "staged" ? guildPath(runDir, MARKER.STAGED) : ownClaimPath(runDir), "");
  },

  stateOf(runDir): ClaimState {
    let abandoned = false;
    for (const key of claimKeys(runDir)) {
      if (isOwnerKeyAlive(key)) return "claimed";
      abandoned = true;
    }
    if (existsSync(guildPath(runDir, MARKER.STAGED))) return "staged";
    return abandoned ? "abandoned" : "none";
  },

  claimStaged(runDir) {
    if (takeToken(runDir, MARKER.STAGED)) return "claimed";
    const taken = takeAbandoned(runDir);
    if (taken === "claimed" && hasStarted(runDir)) {
      // Its claimer died after starting it: the run's own files tell how
      // it ended; there is nothing to start.
      removeFile(ownClaimPath(runDir));
      return "not-staged";
    }
    return taken;
  },

  claimForStart(runDir) {
    if (takeToken(runDir, MARKER.STAGED)) return "claimed";
    if (takeToken(runDir, claimName(ownerKeyFor(currentProcessId(process.ppid))))) return "claimed";
    const taken = takeAbandoned(runDir);
    return taken === "not-staged" ? createClaim(runDir) : taken;
  },

  stageClaimed(runDir) {
    try {
      renameSync(ownClaimPath(runDir), guildPath(runDir, MARKER.STAGED));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  },

  completeClaim(runDir) {
    removeFile(ownClaimPath(runDir));
  },

  holdsClaim(runDir) {
    return existsSync(ownClaimPath(runDir));
  },
};
