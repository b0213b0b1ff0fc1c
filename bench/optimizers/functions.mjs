// Test functions of the optimizer benchmark (the ones scikit-optimize's
// benchmarks use): Branin (2-D, minimum 0.397887), Hartmann-6 (6-D,
// minimum -3.32237) and a noisy 1-D function (x sin x plus noise).
// Each takes named flag values, as the benchmark script gets them.

export const FUNCTIONS = {
  branin: {
    flags: { x1: "[-5.0:10.0]", x2: "[0.0:15.0]" },
    minimum: 0.397887,
    f: ({ x1, x2 }) => {
      const [a, b, c, r, s, t] = [1, 5.1 / (4 * Math.PI ** 2), 5 / Math.PI, 6, 10, 1 / (8 * Math.PI)];
      return a * (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * Math.cos(x1) + s;
    },
  },
  hartmann6: {
    flags: Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`x${i}`, "[0.0:1.0]"])),
    minimum: -3.32237,
    f: (flags) => {
      const x = [1, 2, 3, 4, 5, 6].map((i) => flags[`x${i}`]);
      const alpha = [1.0, 1.2, 3.0, 3.2];
      const A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]];
      const P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991], [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]];
      let sum = 0;
      for (let i = 0; i < 4; i++) {
        let inner = 0;
        for (let j = 0; j < 6; j++) inner += A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2;
        sum += alpha[i] * Math.exp(-inner);
      }
      return -sum;
    },
  },
  noisy1d: {
    flags: { x: "[-2.0:2.0]" },
    // The noiseless function's minimum; reported best values include the noise.
    minimum: -1.0,
    f: ({ x }, noise) => Math.sin(5 * x) * (1 - Math.tanh(x ** 2)) + noise * 0.1,
  },
};
