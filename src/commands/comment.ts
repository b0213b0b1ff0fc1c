/** `guild comment` (= `guild runs comment`): add, list, delete or clear run comments (Guild 0.9). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { fail, failPlain } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface CommentCliOptions extends FilterCliOptions {
  list?: boolean;
  add?: string;
  delete?: string;
  clear?: boolean;
  user?: string;
  yes?: boolean;
}

const CONFLICTS: [keyof CommentCliOptions, keyof CommentCliOptions][] = [
  ["list", "add"],
  ["list", "delete"],
  ["list", "clear"],
  ["add", "delete"],
  ["add", "clear"],
  ["delete", "clear"],
];

export function registerCommentCommand(parent: Command, io: CliIo): void {
  const cmd = parent
    .command("comment")
    .summary("Add or remove run comments.")
    .description(
      "Add or remove run comments (the latest run by default).\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix.",
    )
    .argument("[runs...]", "runs to comment on")
    .option("-l, --list", "List comments for specified runs.")
    .option("-a, --add <comment>", "Add a comment to specified runs.")
    .option("-d, --delete <index>", "Delete comment at INDEX from specified runs.")
    .option("-c, --clear", "Clear all comments from specified runs.")
    .option("-u, --user <user>", "User associated with new comments: USER or USER@HOST (default: the current user on this host).")
    .option("-y, --yes", "Do not prompt before modifying comments.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: CommentCliOptions, self: Command) => {
    const path = commandPath(self);
    for (const [a, b] of CONFLICTS) {
      if (o[a] !== undefined && o[b] !== undefined) fail(`--${a} and --${b} cannot both be specified\nTry '${path} --help' for more information.`);
    }
    const ctx = contextFor(self, io, { createHome: false });
    const query = runsFilterFor(o, path);
    const c = await import("../core/runs/comments.js");
    if (o.list) {
      const { selectRunRows } = await import("../core/runs/select-rows.js");
      const rows = selectRunRows(query, specs.length ? specs : ["1"], path, ctx);
      ctx.out.stdout(c.formatCommentsList(rows, (r) => c.runComments(r.dir)).map((l) => `${l}\n`).join(""));
      return;
    }
    const change = changeFor(o, path, c, ctx.env);
    const { runsForOp } = await import("./runs-op.js");
    const rows = runsForOp(
      { query, specs, defaultSpecs: ["1"], cmdPath: path, yes: o.yes === true, preview: change.preview, question: "Continue?", defaultYes: true, nothing: "No runs to modify." },
      ctx,
    );
    if (rows) ctx.out.stderr(`${change.done(change.apply(rows))}\n`);
  });
  configure(cmd, io);
}

type Comments = typeof import("../core/runs/comments.js");
type Rows = Parameters<Comments["clearComments"]>[0];

function changeFor(o: CommentCliOptions, path: string, c: Comments, env: NodeJS.ProcessEnv) {
  if (o.clear) {
    return { preview: "WARNING: You are about to delete ALL comments from the following runs:", apply: (rows: Rows) => c.clearComments(rows), done: (n: number) => `Deleted all comments for ${n} run(s)` };
  }
  if (o.delete !== undefined) {
    const index = Number(o.delete);
    if (!/^\d+$/.test(o.delete) || index < 1) fail(`invalid value for '-d' / '--delete': '${o.delete}' is not a valid integer\nTry '${path} --help' for more information.`);
    return { preview: `You are about to delete comment ${index} from the following runs:`, apply: (rows: Rows) => c.deleteComment(rows, index), done: (n: number) => `Deleted comment for ${n} run(s)` };
  }
  const body = o.add?.trim();
  // Guild opens an editor when no comment is given; there is none here.
  if (o.add === undefined) fail(`missing one of: --list, --add, --delete, --clear\nTry '${path} --help' for more information.`);
  if (!body) failPlain("Aborting due to an empty comment.");
  const author = c.commentAuthor(o.user, env);
  return { preview: "You are about to add a comment to the following runs:", apply: (rows: Rows) => c.addComment(rows, body, author), done: (n: number) => `Added comment to ${n} run(s)` };
}
