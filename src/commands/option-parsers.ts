/** Option value parsers with Guild's error wording. */
import { InvalidArgumentError } from "commander";

export function parseIntOption(name: string, min?: number): (value: string) => number {
  return (value) => {
    if (!/^[-+]?\d+$/.test(value.trim())) {
      throw new InvalidArgumentError(`invalid value for ${name}: '${value}' is not a valid integer`);
    }
    const n = Number.parseInt(value, 10);
    if (min !== undefined && n < min) {
      throw new InvalidArgumentError(`invalid value for ${name}: ${n} is smaller than the minimum valid value ${min}`);
    }
    return n;
  };
}
