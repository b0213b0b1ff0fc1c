/** A scatter of one flag (x) against one scalar (y), a point per run. */
import { h } from "./dom.js";
import { sharpCanvas, scaleFor } from "./canvas.js";
import { colorFor, formatNumber, shortId } from "./format.js";

const HEIGHT = 300;
const PAD = { left: 100, right: 80, top: 20, bottom: 45 };

export interface ScatterPoint {
  id: string;
  index: number;
  x: unknown;
  y: number | null | undefined;
}

export function scatterChart(points: readonly ScatterPoint[], xName: string, yName: string, width: number): HTMLElement {
  const { canvas, ctx } = sharpCanvas(width, HEIGHT);
  const xs = scaleFor(points.map((p) => p.x), formatNumber);
  const ys = scaleFor(points.map((p) => p.y), formatNumber);
  const px = (p: number) => PAD.left + p * (width - PAD.left - PAD.right);
  const py = (p: number) => HEIGHT - PAD.bottom - p * (HEIGHT - PAD.top - PAD.bottom);
  ctx.strokeStyle = "#444";
  ctx.beginPath();
  ctx.moveTo(px(0), py(1));
  ctx.lineTo(px(0), py(0));
  ctx.lineTo(px(1), py(0));
  ctx.stroke();
  ctx.fillStyle = "#666";
  ctx.textAlign = "center";
  for (const t of xs.ticks.slice(0, 12)) ctx.fillText(t.text, px(t.at), py(0) + 16);
  ctx.fillText(xName, px(0.5), HEIGHT - 6);
  ctx.textAlign = "right";
  for (const t of ys.ticks) ctx.fillText(t.text, px(0) - 6, py(t.at) + 4);
  ctx.save();
  ctx.translate(14, py(0.5));
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.fillText(yName, 0, 0);
  ctx.restore();
  ctx.textAlign = "left";
  for (const p of points) {
    const x = xs.pos(p.x);
    const y = ys.pos(p.y);
    if (x === undefined || y === undefined) continue;
    ctx.fillStyle = colorFor(p.index);
    ctx.beginPath();
    ctx.arc(px(x), py(y), 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = "#333";
    ctx.fillText(shortId(p.id), px(x) + 8, py(y) - 6);
  }
  return h("div", { class: "scatter" }, canvas);
}
