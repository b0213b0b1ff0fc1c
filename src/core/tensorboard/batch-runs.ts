/** A batch run holds its trials' proto (`.guild/proto`); TensorBoard and compare leave batches out by default. */
import { existsSync } from "node:fs";
import { protoDir } from "../store/paths.js";

export function isBatchRun(runDir: string): boolean {
  return existsSync(protoDir(runDir));
}
