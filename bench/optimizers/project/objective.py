# The optimizer benchmark's objective, run by `guild run` as any training
# script is: `fn` picks Branin, Hartmann-6 or the noisy 1-D function; the
# other flags are its inputs. Prints `loss: VALUE` (an output scalar).
import random

from functions import branin, hartmann6, noisy1d_mean

fn = "branin"
x1 = 0.0
x2 = 0.0
x3 = 0.0
x4 = 0.0
x5 = 0.0
x6 = 0.0
x = 0.0


def noisy1d():
    return noisy1d_mean([x]) + 0.1 * random.gauss(0, 1)


objectives = {
    "branin": lambda: branin([x1, x2]),
    "hartmann6": lambda: hartmann6([x1, x2, x3, x4, x5, x6]),
    "noisy1d": noisy1d,
}
print("loss: %.9f" % objectives[fn]())
