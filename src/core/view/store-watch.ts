/**
 * Change notices for the live page, from the filesystem rather than a
 * re-poll: a watch on `runs/` (runs added, removed, renamed in) and, for
 * each run not known to be finished, on its `.guild` and `.guild/attrs`
 * directories (markers, LOCK, exit status, output). Notices are gathered
 * for a short moment and handed on together: `runs` with the run ids that
 * changed (empty when `runs/` itself changed), `output` with the runs whose
 * output grew.
 */
import { existsSync, watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { runsDirFor } from "../home.js";
import { listUnfinishedRuns } from "../store/list-runs.js";

export interface StoreChange {
  /** Runs whose status or attributes may have changed. */
  runs: string[];
  /** Whether runs were added or removed. */
  listChanged: boolean;
  /** Runs whose output grew. */
  output: string[];
}

const GATHER_MS = 100;

export class StoreWatcher {
  readonly #home: string;
  readonly #onChange: (c: StoreChange) => void;
  readonly #liveWatchers = new Map<string, FSWatcher[]>();
  #rootWatcher: FSWatcher | undefined;
  #pending: StoreChange | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(home: string, onChange: (c: StoreChange) => void) {
    this.#home = home;
    this.#onChange = onChange;
    this.#watchRoot();
    this.#watchLiveRuns();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#rootWatcher?.close();
    for (const ws of this.#liveWatchers.values()) for (const w of ws) w.close();
    this.#liveWatchers.clear();
  }

  /** runs/ when it exists; else the home, until runs/ appears. */
  #watchRoot(): void {
    const runsDir = runsDirFor(this.#home);
    const target = existsSync(runsDir) ? runsDir : existsSync(this.#home) ? this.#home : undefined;
    if (!target) return;
    this.#rootWatcher = safeWatch(target, () => {
      if (target !== runsDir && existsSync(runsDir)) {
        this.#rootWatcher?.close();
        this.#watchRoot();
      }
      this.#note({ listChanged: true });
    });
  }

  #watchLiveRuns(): string[] {
    const live = new Set(listUnfinishedRuns(this.#home).map((r) => r.id));
    const ended = [...this.#liveWatchers.keys()].filter((id) => !live.has(id));
    for (const id of ended) {
      for (const w of this.#liveWatchers.get(id) ?? []) w.close();
      this.#liveWatchers.delete(id);
    }
    for (const id of live) if (!this.#liveWatchers.has(id)) this.#watchRun(id);
    return ended;
  }

  #watchRun(id: string): void {
    const guildDir = join(runsDirFor(this.#home), id, ".guild");
    const watchers = [
      safeWatch(guildDir, (name) => this.#note(name === "output" || name === "output.index" ? { output: [id] } : { runs: [id] })),
      safeWatch(join(guildDir, "attrs"), () => this.#note({ runs: [id] })),
    ].filter((w): w is FSWatcher => w !== undefined);
    this.#liveWatchers.set(id, watchers);
  }

  #note(c: Partial<StoreChange>): void {
    if (this.#closed) return;
    const p = (this.#pending ??= { runs: [], listChanged: false, output: [] });
    p.runs.push(...(c.runs ?? []));
    p.output.push(...(c.output ?? []));
    p.listChanged ||= c.listChanged === true;
    this.#timer ??= setTimeout(() => this.#flush(), GATHER_MS);
  }

  #flush(): void {
    this.#timer = undefined;
    const p = this.#pending;
    this.#pending = undefined;
    if (!p || this.#closed) return;
    // A status change can end a run's liveness, a list change can add live runs.
    const ended = this.#watchLiveRuns();
    this.#onChange({ runs: unique([...p.runs, ...ended]), listChanged: p.listChanged, output: unique(p.output) });
  }
}

function safeWatch(path: string, onEvent: (name: string | null) => void): FSWatcher | undefined {
  try {
    const w = watch(path, { persistent: false }, (_event, name) => onEvent(name === null ? null : String(name)));
    w.on("error", () => w.close());
    return w;
  } catch {
    return undefined;
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
