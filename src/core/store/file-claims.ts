/**
 * Claims kept as files in the run's `.guild` directory (see claim.ts for the
 * contract).
 *
 * A run that can be started holds one token file, and a claim moves it by
 * rename, which is atomic and succeeds for exactly one of any number of
 * processes renaming the same name:
 *
 *   STAGED                staged, free to claim (Guild's own marker)
 *   CLAIMED.<owner key>   held by that process (pid, start time, host); the
 *                         run was staged, or is a trial its batch will run
 *                         or stage: if the owner dies, it is staged again
 *   STARTING.<owner key>  held by a process starting the run at once (a new
 *                         run, or a finished one started again): if the
 *                         owner dies, the run did not start
 *
 * Because a claim's name is unique to its owner, taking over an abandoned
 * claim is the same single rename: it cannot take a fresh claim by mistake,
 * as removing and re-creating a fixed-name marker could.
 *
 * A run that is not staged (finished, or never staged) has no token; `--start`
 * creates one and then checks that it is the only one, backing off if
 * another process did the same at the same moment.
 *
 * Across hosts a claim's owner is judged by its lease (lease.ts): the owner
 * keeps its claim files fresh, and a token is written to just before it is
 * renamed, so a claim is fresh from its first moment (rename keeps mtime).
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { removeFile } from "./atomic.js";
import type { ClaimResult, ClaimState, RunClaims } from "./claim.js";
import { currentOwnerKey, isOwnerKeyAlive, ownerKeyFor } from "./owner-key.js";
import { homeOfRunDir, touchFile } from "./lease.js";
import { keepFresh, stopKeeping } from "./lease-keeper.js";
import { attrPath, guildPath, MARKER } from "./paths.js";
import { currentProcessId } from "../util/proc.js";

type Kind = "CLAIMED" | "STARTING";
const KINDS: readonly Kind[] = ["CLAIMED", "STARTING"];

interface Claim {
  name: string;
  kind: Kind;
  key: string;
}

function ownPath(runDir: string, kind: Kind): string {
  return guildPath(runDir, `${kind}.${currentOwnerKey()}`);
}

/** The claims on a run, in name order (all claimers see one order). */
function claimsOn(runDir: string): Claim[] {
  let names: string[];
  try {
    names = readdirSync(guildPath(runDir));
  } catch {
    return [];
  }
  const claims: Claim[] = [];
  for (const name of names.sort()) {
    const dot = name.indexOf(".");
    const kind = name.slice(0, dot) as Kind;
    if (dot > 0 && KINDS.includes(kind)) claims.push({ name, kind, key: name.slice(dot + 1) });
  }
  return claims;
}

function isClaimAlive(runDir: string, c: Claim): boolean {
  return isOwnerKeyAlive(c.key, { file: guildPath(runDir, c.name), home: homeOfRunDir(runDir) });
}

/** Renames the token `name` to our claim of `kind`; false if another process got it first. */
function takeToken(runDir: string, name: string, kind: Kind): boolean {
  try {
    if (!touchFile(guildPath(runDir, name))) return false;
    renameSync(guildPath(runDir, name), ownPath(runDir, kind));
    keepFresh(ownPath(runDir, kind));
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
 * Takes over an abandoned claim of one of `kinds`, keeping its kind. Any
 * live claim means the run is taken; otherwise all claimers go for the
 * first abandoned claim in name order, so they race for one name and
 * exactly one wins.
 */
function takeAbandoned(runDir: string, kinds: readonly Kind[]): ClaimResult {
  const mine = currentOwnerKey();
  const others = claimsOn(runDir).filter((c) => c.key !== mine);
  if (others.some((c) => isClaimAlive(runDir, c))) return "taken";
  const first = others.find((c) => kinds.includes(c.kind));
  if (first === undefined) return "not-staged";
  if (!takeToken(runDir, first.name, first.kind)) return "taken";
  // More than one abandoned claim only if two `--start`s died at the same
  // moment; their owners are dead, so the names are ours to clear.
  for (const c of others) if (c !== first) removeFile(guildPath(runDir, c.name));
  return "claimed";
}

/** Creates a claim on a run with no token, then checks that it is the only one. */
function createClaim(runDir: string): ClaimResult {
  const mine = currentOwnerKey();
  writeFileSync(ownPath(runDir, "STARTING"), "");
  const others = claimsOn(runDir).filter((c) => c.key !== mine);
  if (others.length || existsSync(guildPath(runDir, MARKER.STAGED))) {
    removeFile(ownPath(runDir, "STARTING"));
    return "taken";
  }
  keepFresh(ownPath(runDir, "STARTING"));
  return "claimed";
}

export const fileClaims: RunClaims = {
  initNewRun(runDir, state) {
    const path = state === "staged" ? guildPath(runDir, MARKER.STAGED) : ownPath(runDir, state === "pending" ? "CLAIMED" : "STARTING");
    writeFileSync(path, "");
    if (state !== "staged") keepFresh(path);
  },

  stateOf(runDir): ClaimState {
    // STAGED is itself the run's one token (claiming renames it away), so
    // while it is there no claim can be: no need to list `.guild/`.
    if (existsSync(guildPath(runDir, MARKER.STAGED))) return "staged";
    const claims = claimsOn(runDir);
    if (claims.some((c) => isClaimAlive(runDir, c))) return "claimed";
    if (claims.some((c) => c.kind === "CLAIMED")) return "abandoned";
    return claims.length ? "interrupted" : "none";
  },

  claimStaged(runDir) {
    if (takeToken(runDir, MARKER.STAGED, "CLAIMED")) return "claimed";
    const taken = takeAbandoned(runDir, ["CLAIMED"]);
    if (taken === "claimed" && hasStarted(runDir)) {
      // Its claimer died after starting it: the run's own files tell how
      // it ended; there is nothing to start.
      removeFile(ownPath(runDir, "CLAIMED"));
      return "not-staged";
    }
    return taken;
  },

  claimForStart(runDir) {
    if (takeToken(runDir, MARKER.STAGED, "CLAIMED")) return "claimed";
    const parent = ownerKeyFor(currentProcessId(process.ppid));
    for (const kind of KINDS) if (takeToken(runDir, `${kind}.${parent}`, kind)) return "claimed";
    const taken = takeAbandoned(runDir, KINDS);
    return taken === "not-staged" ? createClaim(runDir) : taken;
  },

  stageClaimed(runDir) {
    for (const kind of KINDS) {
      stopKeeping(ownPath(runDir, kind));
      try {
        renameSync(ownPath(runDir, kind), guildPath(runDir, MARKER.STAGED));
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  },

  releaseClaim(runDir) {
    for (const kind of KINDS) stopKeeping(ownPath(runDir, kind));
    try {
      renameSync(ownPath(runDir, "CLAIMED"), guildPath(runDir, MARKER.STAGED));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    removeFile(ownPath(runDir, "STARTING"));
  },

  completeClaim(runDir) {
    for (const kind of KINDS) {
      stopKeeping(ownPath(runDir, kind));
      removeFile(ownPath(runDir, kind));
    }
  },

  holdsClaim(runDir) {
    return KINDS.some((kind) => existsSync(ownPath(runDir, kind)));
  },
};
