/**
 * Nelder–Mead minimisation inside a box: enough to fit a Gaussian
 * process's few hyperparameters and to polish an acquisition maximum
 * without gradients. Points outside the box are clipped onto it.
 */

export interface Box {
  low: number[];
  high: number[];
}

export interface Minimum {
  x: number[];
  value: number;
}

export function nelderMead(f: (x: number[]) => number, start: number[], box: Box, step: number, maxEvals: number): Minimum {
  const clip = (x: number[]) => x.map((v, i) => Math.min(box.high[i] as number, Math.max(box.low[i] as number, v)));
  const evalAt = (x: number[]): Minimum => {
    const c = clip(x);
    const value = f(c);
    return { x: c, value: Number.isFinite(value) ? value : Infinity };
  };
  const simplex: Minimum[] = [evalAt(start)];
  for (let i = 0; i < start.length; i++) {
    const x = [...start];
    const hi = box.high[i] as number;
    x[i] = (x[i] as number) + step > hi ? (x[i] as number) - step : (x[i] as number) + step;
    simplex.push(evalAt(x));
  }
  let evals = simplex.length;
  while (evals < maxEvals) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0] as Minimum;
    const worst = simplex[simplex.length - 1] as Minimum;
    if (Math.abs(worst.value - best.value) < 1e-9) break;
    const centroid = start.map((_, i) => simplex.slice(0, -1).reduce((s, p) => s + (p.x[i] as number), 0) / (simplex.length - 1));
    const along = (t: number) => centroid.map((c, i) => c + t * ((worst.x[i] as number) - c));
    const reflected = evalAt(along(-1));
    evals++;
    if (reflected.value < best.value) {
      const expanded = evalAt(along(-2));
      evals++;
      simplex[simplex.length - 1] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < (simplex[simplex.length - 2] as Minimum).value) {
      simplex[simplex.length - 1] = reflected;
    } else {
      const contracted = evalAt(along(0.5));
      evals++;
      if (contracted.value < worst.value) simplex[simplex.length - 1] = contracted;
      else {
        for (let k = 1; k < simplex.length; k++) {
          simplex[k] = evalAt((simplex[k] as Minimum).x.map((v, i) => (best.x[i] as number) + 0.5 * (v - (best.x[i] as number))));
          evals++;
        }
      }
    }
  }
  return simplex.reduce((a, b) => (b.value < a.value ? b : a));
}
