/** A canvas drawn at the screen's pixel density. */
import { h } from "./dom.js";

export function sharpCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const ratio = window.devicePixelRatio || 1;
  const canvas = h("canvas", { width: Math.round(width * ratio), height: Math.round(height * ratio), style: `width:${width}px;height:${height}px` });
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  ctx.scale(ratio, ratio);
  ctx.font = "12px system-ui, sans-serif";
  return { canvas, ctx };
}

/** Values of one dimension placed on [0, 1]: numbers by range, anything else by sorted position. */
export interface Scale {
  pos(v: unknown): number | undefined;
  ticks: { at: number; text: string }[];
}

export function scaleFor(values: readonly unknown[], format: (v: number) => string): Scale {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.every((v) => typeof v === "number" && Number.isFinite(v))) {
    const nums = present as number[];
    const min = Math.min(...nums);
    const max = Math.max(...nums);
    const span = max - min || 1;
    return {
      pos: (v) => (typeof v === "number" && Number.isFinite(v) ? (max === min ? 0.5 : (v - min) / span) : undefined),
      ticks: nums.length ? (max === min ? [{ at: 0.5, text: format(min) }] : [{ at: 0, text: format(min) }, { at: 1, text: format(max) }]) : [],
    };
  }
  const cats = [...new Set(present.map((v) => (typeof v === "string" ? v : JSON.stringify(v))))].sort();
  const at = (i: number) => (cats.length === 1 ? 0.5 : i / (cats.length - 1));
  return {
    pos: (v) => {
      if (v === null || v === undefined) return undefined;
      const i = cats.indexOf(typeof v === "string" ? v : JSON.stringify(v));
      return i < 0 ? undefined : at(i);
    },
    ticks: cats.map((c, i) => ({ at: at(i), text: c })),
  };
}
