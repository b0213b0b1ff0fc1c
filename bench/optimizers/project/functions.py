"""The optimizer benchmark's test functions, shared by objective.py (run by
`guild run`) and skopt-reference.py (scikit-optimize's reference figures),
so both score the same functions. Each takes its inputs as a sequence."""
import math


def branin(x):
    x1, x2 = x
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(x):
    alpha = [1.0, 1.2, 3.0, 3.2]
    A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
    P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
         [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
    total = 0.0
    for i in range(4):
        inner = sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))
        total += alpha[i] * math.exp(-inner)
    return -total


def noisy1d_mean(x):
    """The noisy 1-D function without its noise (each caller adds its own)."""
    return math.sin(5 * x[0]) * (1 - math.tanh(x[0] ** 2))
