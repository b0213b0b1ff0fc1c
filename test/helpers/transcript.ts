/**
 * Guild-doctest-style transcripts: each command's interleaved output,
 * normalised, followed by `<exit N>` when it is not 0.
 */
import { guildCombined, type GuildEnv } from "./guild-cli.js";
import { IdNames, normalize } from "./normalize.js";

export interface Session {
  ids: IdNames;
  run(args: readonly string[], input?: string): Promise<string>;
}

export function session(g: GuildEnv, paths: readonly string[] = []): Session {
  const ids = new IdNames();
  return {
    ids,
    async run(args, input) {
      const { output, exitCode } = await guildCombined(args, g, input);
      const text = normalize(output, ids, paths);
      return exitCode === 0 ? text : `${text}<exit ${exitCode}>\n`;
    },
  };
}

/** Strips a template literal's common indentation and first newline. */
export function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join("\n").replace(/[ \t]*\|$/gm, (m) => m.slice(0, -1));
}
