/**
 * Makes guild output comparable: run ids become `~1~`, `~2~`, ... in order of
 * first appearance (a short id becomes the number of the full id it starts),
 * local times `<time>`, temp paths `<tmp>`; ANSI codes and CRs are removed.
 */

const FULL_ID = /\b[0-9a-f]{32}\b/g;
const SHORT_ID = /\b[0-9a-f]{8}\b/g;
const TIME = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\b/g;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export class IdNames {
  /** Full ids, and 8-char short ids seen before their full id. */
  private readonly names = new Map<string, string>();
  private count = 0;

  private next(): string {
    this.count += 1;
    return `~${this.count}~`;
  }

  nameFor(id: string): string {
    let name = this.names.get(id) ?? this.names.get(id.slice(0, 8));
    if (!name) name = this.next();
    this.names.set(id, name);
    return name;
  }

  shortNameFor(sid: string): string {
    for (const [id, name] of this.names) if (id.startsWith(sid)) return name;
    const name = this.next();
    this.names.set(sid, name);
    return name;
  }

  /** The full id behind a name, for commands that need it (`--start`). */
  idFor(name: string): string | undefined {
    for (const [id, n] of this.names) if (n === name && id.length === 32) return id;
    return undefined;
  }
}

export function normalize(text: string, ids: IdNames, paths: readonly string[] = []): string {
  let out = text.replace(ANSI, "").replaceAll("\r", "");
  for (const p of [...paths].sort((a, b) => b.length - a.length)) out = out.replaceAll(p, "<tmp>");
  out = out.replace(FULL_ID, (id) => ids.nameFor(id));
  out = out.replace(SHORT_ID, (sid) => ids.shortNameFor(sid));
  return out.replace(TIME, "<time>");
}
