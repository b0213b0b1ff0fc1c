"""Minimal Python runtime used by guild-ts to run operations.

This package belongs to the TypeScript port of the Guild CLI. It is not
Guild AI and contains none of Guild AI's code: it only provides the few
modules an operation process needs (`guild.op_main` to run a user's
module and `guild/import_flags.py` to read a script's flags). The package
is called `guild` so that `python -m guild.op_main ...` commands recorded
in run directories work the same whether a run is started by guild-ts or
by Guild AI.

Only the Python standard library is used.
"""
