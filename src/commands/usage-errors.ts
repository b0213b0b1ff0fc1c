/** Commander's usage errors in click's (and so Guild's) wording. */
import type { Command, CommanderError } from "commander";

export function usageErrorMessage(err: CommanderError, cmd: Command): string {
  const path = commandPath(cmd);
  const tryLine = `Try '${path} --help' for more information.`;
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "commander.unknownOption": {
      const suggestion = /\(Did you mean (.*)\?\)/.exec(err.message)?.[1];
      return `unrecognized option '${quoted}'${suggestion ? ` (did you mean ${suggestion}?)` : ""}\n${tryLine}`;
    }
    case "commander.unknownCommand":
      return `unrecognized command '${quoted}'\n${tryLine}`;
    case "commander.excessArguments":
      return `${extraArgumentsText(cmd)}\n${tryLine}`;
    case "commander.optionMissingArgument":
    case "commander.missingArgument":
      return `missing argument for ${quoted}\n${tryLine}`;
    case "commander.invalidArgument":
      // Our parsers word the reason as click does; commander's preamble goes.
      return `${err.message.replace(/^error: /, "").replace(/^option '[^']*' argument '.*' is invalid\. /s, "")}\n${tryLine}`;
    default:
      return err.message.replace(/^error: /, "");
  }
}

/** Click's wording, naming the extras: `unexpected extra arguments '2 3'`. */
function extraArgumentsText(cmd: Command): string {
  const extras = cmd.args.slice(cmd.registeredArguments.length);
  if (!extras.length) return "unexpected extra argument";
  return `unexpected extra argument${extras.length > 1 ? "s" : ""} '${extras.join(" ")}'`;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}
