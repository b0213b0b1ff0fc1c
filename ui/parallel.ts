/**
 * Parallel coordinates: one vertical axis per flag and one for the chosen
 * scalar, one line per run. Dragging along an axis brushes a range; runs
 * outside any brush fade. Double-click an axis to clear its brush.
 */
import { h } from "./dom.js";
import { sharpCanvas, scaleFor, type Scale } from "./canvas.js";
import { colorFor, formatNumber, formatValue } from "./format.js";

export interface Dimension {
  name: string;
  values: unknown[];
}

const HEIGHT = 300;
const PAD = { top: 30, bottom: 40, left: 60, right: 110 };

export function parallelChart(dims: readonly Dimension[], runIndexes: readonly number[], width: number): HTMLElement {
  const wrap = h("div", { class: "parallel" });
  if (dims.length < 2) {
    wrap.append(h("p", { class: "empty" }, "Needs at least one flag and one scalar."));
    return wrap;
  }
  const { canvas, ctx } = sharpCanvas(width, HEIGHT);
  const scales = dims.map((d) => scaleFor(d.values, formatNumber));
  const xAt = (i: number) => PAD.left + (i * (width - PAD.left - PAD.right)) / (dims.length - 1);
  const yAt = (p: number) => HEIGHT - PAD.bottom - p * (HEIGHT - PAD.top - PAD.bottom);
  const pAt = (y: number) => Math.min(1, Math.max(0, (HEIGHT - PAD.bottom - y) / (HEIGHT - PAD.top - PAD.bottom)));
  const brushes = new Map<number, [number, number]>();
  const draw = () => drawAll(ctx, width, dims, scales, runIndexes, brushes, xAt, yAt);
  let dragging: { axis: number; from: number } | undefined;
  const axisNear = (x: number) => {
    const i = dims.findIndex((_d, k) => Math.abs(xAt(k) - x) < 16);
    return i < 0 ? undefined : i;
  };
  const point = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  canvas.addEventListener("mousedown", (e) => {
    const { x, y } = point(e);
    const axis = axisNear(x);
    if (axis !== undefined) dragging = { axis, from: pAt(y) };
  });
  canvas.addEventListener("mousemove", (e) => {
    if (!dragging) return;
    const p = pAt(point(e).y);
    brushes.set(dragging.axis, [Math.min(p, dragging.from), Math.max(p, dragging.from)]);
    draw();
  });
  window.addEventListener("mouseup", () => (dragging = undefined));
  canvas.addEventListener("dblclick", (e) => {
    const axis = axisNear(point(e).x);
    if (axis !== undefined) brushes.delete(axis);
    draw();
  });
  draw();
  wrap.append(canvas, h("p", { class: "hint" }, "Drag along an axis to brush a range; double-click it to clear."));
  return wrap;
}

function drawAll(
  ctx: CanvasRenderingContext2D,
  width: number,
  dims: readonly Dimension[],
  scales: readonly Scale[],
  runIndexes: readonly number[],
  brushes: Map<number, [number, number]>,
  xAt: (i: number) => number,
  yAt: (p: number) => number,
): void {
  ctx.clearRect(0, 0, width, HEIGHT);
  const inBrush = (run: number) =>
    [...brushes].every(([axis, [lo, hi]]) => {
      const p = scales[axis]?.pos(dims[axis]?.values[run]);
      return p !== undefined && p >= lo && p <= hi;
    });
  const order = runIndexes.map((_r, i) => i).sort((a, b) => Number(inBrush(a)) - Number(inBrush(b)));
  for (const run of order) {
    const active = inBrush(run);
    ctx.strokeStyle = active ? colorFor(runIndexes[run] ?? run) : "rgba(160,160,160,0.35)";
    ctx.lineWidth = active ? 2 : 1;
    ctx.beginPath();
    let started = false;
    dims.forEach((d, i) => {
      const p = scales[i]?.pos(d.values[run]);
      if (p === undefined) return void (started = false);
      if (started) ctx.lineTo(xAt(i), yAt(p));
      else ctx.moveTo(xAt(i), yAt(p));
      started = true;
    });
    ctx.stroke();
  }
  dims.forEach((d, i) => drawAxis(ctx, d.name, scales[i] as Scale, xAt(i), yAt, brushes.get(i)));
}

function drawAxis(ctx: CanvasRenderingContext2D, name: string, scale: Scale, x: number, yAt: (p: number) => number, brush: [number, number] | undefined): void {
  ctx.strokeStyle = "#444";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x, yAt(0));
  ctx.lineTo(x, yAt(1));
  ctx.stroke();
  if (brush) {
    ctx.fillStyle = "rgba(78,121,167,0.25)";
    ctx.fillRect(x - 7, yAt(brush[1]), 14, yAt(brush[0]) - yAt(brush[1]));
  }
  ctx.fillStyle = "#222";
  ctx.textAlign = "center";
  ctx.fillText(name, x, HEIGHT - 12);
  ctx.fillStyle = "#666";
  ctx.textAlign = "left";
  for (const t of scale.ticks.slice(0, 12)) ctx.fillText(formatValue(t.text), x + 5, yAt(t.at) + 4);
}
