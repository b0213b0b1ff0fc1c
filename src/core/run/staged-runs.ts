/**
 * The runs this process has staged, so that the command can hand them to a
 * broker when it is done (broker/publish.ts). Staging itself stays
 * synchronous and knows nothing of brokers.
 */
const staged: string[] = [];

export function noteRunStaged(runId: string): void {
  staged.push(runId);
}

/** The runs staged since the last call. */
export function takeStagedRunIds(): string[] {
  return staged.splice(0);
}
