# Does nothing: what remains of a queued run's time is guild's overhead.
import argparse

p = argparse.ArgumentParser()
p.add_argument("--x", type=int, default=0)
p.parse_args()
