/**
 * Work done once while a new server is idle, so that the first compare
 * does not also pay for V8 compiling the event scanner: the scanner runs a
 * few thousand records of a made-up event file (no file is read), in
 * slices between which requests are served, and what it read is summed up,
 * thinned and written as `/api/compare` and `/api/series` would. A fresh process runs the
 * scanner's loops in the interpreter until the JIT has seen enough of
 * them, and the first 20 files of a compare (200,000 records) were read
 * 2-3 times slower than the next 20.
 */
import { encodeEvent } from "../tfevent/event.js";
import { columnsPoints, scanEventScalars, ScalarTable } from "../tfevent/scalar-scan.js";
import { frameRecord } from "../tfevent/tfrecord.js";
import { seriesStats } from "./compare-data.js";
import { downsample, type Series } from "./downsample.js";
import { seriesJsonText } from "./series-json.js";

const RECORDS = 2_000;
const DISTINCT = 48;
const SLICES = 4;

/** Starts the warm-up; returns how to stop it (a server closing before it ends). */
export function warmUpScanner(): () => void {
  let file: Buffer | undefined;
  let sliceBytes = 0;
  let done = 0;
  let timer: NodeJS.Immediate | undefined;
  const next = () => {
    // Made in the first slice, not before the server reports it is up.
    file ??= madeUpFile();
    sliceBytes ||= Math.ceil(file.length / SLICES);
    const end = Math.min(file.length, done + sliceBytes);
    // A table per slice, as each file of a compare gets its own.
    const table = new ScalarTable();
    scanEventScalars(file.subarray(done, end), table);
    const thinned: { [key: string]: Series } = {};
    for (const [tag, c] of table.byTag) {
      seriesStats(columnsPoints(c));
      thinned[tag] = downsample(columnsPoints(c), 64);
    }
    seriesJsonText({ warm: thinned }, ["step", "value"]);
    done = end;
    timer = done < file.length ? setImmediate(next).unref() : undefined;
  };
  timer = setImmediate(next).unref();
  return () => {
    if (timer) clearImmediate(timer);
  };
}

/**
 * Like a real file: a file_version event, then steps of one to three
 * varint bytes and varied values (code the JIT has not seen run is thrown
 * away when real data first takes it). A few distinct records, repeated:
 * encoding each of 2,000 took ~200 ms in a cold process.
 */
function madeUpFile(): Buffer {
  const distinct = Array.from({ length: DISTINCT }, (_v, i) => {
    const step = i % 3 === 0 ? i : i % 3 === 1 ? 200 + i * 61 : 70_000 + i * 997;
    const loss = 1 / (1 + i);
    return frameRecord(encodeEvent({ wallTime: 1.7e9 + i / 3, step, scalars: [{ tag: "loss", value: loss }, { tag: "val/acc", value: 1 - loss }] }));
  });
  const records = [frameRecord(encodeEvent({ wallTime: 1.7e9, fileVersion: "brain.Event:2" }))];
  for (let i = 0; i < RECORDS; i++) records.push(distinct[i % DISTINCT] as Buffer);
  return Buffer.concat(records);
}
