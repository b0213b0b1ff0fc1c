/** Option value parsers with Guild's error wording. */
import { InvalidArgumentError } from "commander";

/** `names` as click shows them: `'-m' / '--max-trials'`. */
export function parseIntOption(names: string, min?: number): (value: string) => number {
  return (value) => {
    if (!/^[-+]?\d+$/.test(value.trim())) {
      throw new InvalidArgumentError(`invalid value for ${names}: '${value}' is not a valid integer`);
    }
    const n = Number.parseInt(value, 10);
    if (min !== undefined && n < min) {
      throw new InvalidArgumentError(`invalid value for ${names}: ${n} is smaller than the minimum valid value ${min}`);
    }
    return n;
  };
}
