/**
 * The little dense linear algebra a Gaussian process needs: Cholesky
 * factorisation of a symmetric positive-definite matrix and the triangular
 * solves that go with it. Matrices are arrays of rows; sizes here are the
 * number of trials (tens), so plain loops are fast enough.
 */

export type Matrix = Float64Array[];

/** Lower-triangular L with L·Lᵀ = A, or undefined when A is not positive definite. */
export function cholesky(a: Matrix): Matrix | undefined {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const li = l[i] as Float64Array;
    const ai = a[i] as Float64Array;
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as Float64Array;
      let sum = ai[j] as number;
      for (let k = 0; k < j; k++) sum -= (li[k] as number) * (lj[k] as number);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / (lj[j] as number);
      }
    }
  }
  return l;
}

/** x with L·x = b (L lower triangular). */
export function solveLower(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = l[i] as Float64Array;
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (li[k] as number) * (x[k] as number);
    x[i] = sum / (li[i] as number);
  }
  return x;
}

/** x with Lᵀ·x = b (L lower triangular). */
export function solveUpperT(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.length;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let k = i + 1; k < n; k++) sum -= ((l[k] as Float64Array)[i] as number) * (x[k] as number);
    x[i] = sum / ((l[i] as Float64Array)[i] as number);
  }
  return x;
}

/** x with A·x = b, given A's Cholesky factor L. */
export function choleskySolve(l: Matrix, b: ArrayLike<number>): Float64Array {
  return solveUpperT(l, solveLower(l, b));
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
