/** Option value parsers with Guild's error wording. */
import { InvalidArgumentError } from "commander";

export function parseIntOption(name: string): (value: string) => number {
  return (value) => {
    if (!/^[-+]?\d+$/.test(value.trim())) {
      throw new InvalidArgumentError(`invalid value for ${name}: '${value}' is not a valid integer`);
    }
    return Number.parseInt(value, 10);
  };
}
