"""Reference figures: scikit-optimize (as vendored in Guild AI 0.9.1) called
the way Guild's skopt_gp_main / skopt_forest_main / skopt_gbrt_main call it,
one suggestion per trial with the previous trials as x0/y0, on the
benchmark's functions. Run with Guild's Python and source on the path:

  PYTHONPATH=/work/ref-guild/guild-src /usr/bin/python3 bench/optimizers/skopt-reference.py \
      --trials 20,40 --seeds 10 --optimizers gp,forest,gbrt,random

Prints one JSON line per (function, optimizer, trials) with the best value
of each seed's search, and its median and quartiles (linear interpolation,
as bench.mjs computes them).
"""
import argparse
import json
import os
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")

from guild.plugins import skopt_gp_main, skopt_forest_main, skopt_gbrt_main  # noqa: E402
from guild._skopt.space import space  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "project"))
from functions import branin, hartmann6, noisy1d_mean  # noqa: E402


FUNCS = {
    "branin": (branin, [space.Real(-5.0, 10.0), space.Real(0.0, 15.0)], False),
    "hartmann6": (hartmann6, [space.Real(0.0, 1.0) for _ in range(6)], False),
    "noisy1d": (noisy1d_mean, [space.Real(-2.0, 2.0)], True),
}

SUGGEST = {
    "gp": skopt_gp_main._suggest_x,
    "forest": skopt_forest_main._suggest_x,
    "gbrt": skopt_gbrt_main._suggest_x,
}

OPTS = {"acq-func": "gp_hedge", "kappa": 1.96, "xi": 0.05, "noise": "gaussian"}


def run(fname, opt, trials, seed):
    f, dims, noisy = FUNCS[fname]
    noise_rng = np.random.RandomState(seed + 1000)
    random_state = seed
    xs, ys = [], []
    for i in range(trials):
        if opt == "random":
            x = [d.rvs(random_state=np.random.RandomState(seed * 1000 + i))[0] for d in dims]
        else:
            random_start = i < 3
            x, random_state = SUGGEST[opt](dims, xs or None, ys or None, random_start, random_state, OPTS)
            x = [float(v) for v in x]
        y = f(x) + (0.1 * noise_rng.randn() if noisy else 0.0)
        xs.append(x)
        ys.append(y)
    return min(ys)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--trials", default="20,40")
    p.add_argument("--seeds", type=int, default=10)
    p.add_argument("--optimizers", default="gp,forest,gbrt,random")
    p.add_argument("--functions", default="branin,hartmann6,noisy1d")
    args = p.parse_args()
    for fname in args.functions.split(","):
        for opt in args.optimizers.split(","):
            for trials in [int(t) for t in args.trials.split(",")]:
                best = [run(fname, opt, trials, seed) for seed in range(1, args.seeds + 1)]
                q1, med, q3 = np.percentile(best, [25, 50, 75])
                print(json.dumps({"function": fname, "optimizer": "skopt-" + opt, "trials": trials, "median": med,
                                  "q1": q1, "q3": q3, "best": best}), flush=True)


if __name__ == "__main__":
    main()
