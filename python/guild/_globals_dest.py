"""Give flag values to a module through its global variables.

Used by guild.op_main when FLAGS_DEST is `globals` or `global:NAME`.
The module's source is parsed with `ast` and changed before it is
compiled:

- `globals`: the value of the first top-level assignment `NAME = ...`
  (or `NAME: T = ...`) of each flag NAME is replaced by the flag value.
  Code before that assignment is unaffected, code after it sees the flag
  value. The search covers the module body and, in order, the bodies of
  top-level `if` statements (so `if __name__ == "__main__":` blocks
  count). A flag whose name is never assigned is defined as a global
  before the module runs.
- `global:NAME`: right after the first assignment to NAME, the flag
  values are merged into its value: dict items (nested dicts for dotted
  flag names, `a.b`), or attributes for other objects. If NAME is never
  assigned, it is defined as a dict of the flag values.
"""

import ast
import sys

from guild import _yaml_scalar

# Flag values that can't be written as Python literals (dates, for
# example) are read from here by the changed module.
VALUES = {}


class FlagsError(Exception):
    pass


def split_flag_args(args):
    """Return `(other_args, flags)` for the command line args `args`.

    Flag args are `--NAME VALUE` pairs following the last `--` (or all
    args if there is none). A `--NAME` with no value is True; a short
    `-x` is True and `-xVAL` is the string VAL. Args that aren't flags,
    including those before the last `--`, are returned in `other_args`.
    """
    for i in range(len(args) - 1, -1, -1):
        if args[i] == "--":
            other, flag_args = list(args[:i]), args[i + 1 :]
            break
    else:
        other, flag_args = [], args
    flags = {}
    name = None
    for arg in flag_args:
        if arg[:2] == "--" and len(arg) > 2:
            name = arg[2:]
            flags[name] = True
        elif name is not None:
            flags[name] = _yaml_scalar.decode(arg)
            name = None
        elif arg[:1] == "-" and len(arg) > 1 and not _is_number(arg):
            if len(arg) == 2:
                name = arg[1]
                flags[name] = True
            else:
                flags[arg[1]] = arg[2:]
        else:
            other.append(arg)
    return other, flags


def _is_number(s):
    val = _yaml_scalar.decode(s)
    return isinstance(val, (int, float)) and not isinstance(val, bool)


def nested_flags(flags):
    """Return flags with dotted names as nested dicts."""
    nested = {}
    for name in sorted(flags):
        parts = name.split(".")
        cur = nested
        for i, part in enumerate(parts[:-1]):
            cur = cur.setdefault(part, {})
            if not isinstance(cur, dict):
                raise FlagsError(
                    "%r cannot be nested: conflicts with {%r: %r}"
                    % (name, ".".join(parts[: i + 1]), cur)
                )
        last = parts[-1]
        if isinstance(cur.get(last), dict):
            raise FlagsError(
                "%r cannot be set: conflicts with nested flags %r"
                % (name, cur[last])
            )
        cur[last] = flags[name]
    return nested


def merge(target, values):
    """Merge `values` (a dict) into `target`, recursing into dicts.

    Called by modules changed for `global:NAME`.
    """
    for key, val in values.items():
        if isinstance(target, dict):
            cur = target.get(key)
            if isinstance(val, dict) and _is_mergeable(cur):
                merge(cur, val)
            else:
                target[key] = val
        elif hasattr(target, "__dict__"):
            cur = getattr(target, key, None)
            if isinstance(val, dict) and _is_mergeable(cur):
                merge(cur, val)
            else:
                setattr(target, key, val)
        else:
            raise TypeError(
                "cannot set flag values on %s object (expected dict)"
                % type(target).__name__
            )
    return target


def _is_mergeable(x):
    return isinstance(x, dict) or (
        x is not None and hasattr(x, "__dict__") and not callable(x)
    )


def compile_with_flags(source, filename, flags, dest):
    """Return `(code, predefined_globals)` for module source `source`.

    `dest` is `globals` or `global:NAME`.
    """
    tree = ast.parse(source, filename)
    if dest == "globals":
        predefined = _apply_globals(tree, flags)
    elif dest.startswith("global:") and dest[7:]:
        predefined = _apply_global_dict(tree, flags, dest[7:])
    else:
        raise FlagsError("unsupported flags dest: %s" % dest)
    ast.fix_missing_locations(tree)
    code = compile(tree, filename, "exec", dont_inherit=True)
    return code, predefined


def _apply_globals(tree, flags):
    pending = dict(flags)

    def on_stmt(stmt):
        names = [name for name in _assigned_names(stmt) if name in pending]
        if not names:
            return None
        if _single_target(stmt):
            name = names[0]
            stmt.value = _value_expr(pending.pop(name), name, stmt.value)
            return None
        # `a = b = 1` where not every target is a flag: keep the
        # statement, then assign the flag values.
        return [
            _assign(name, _value_expr(pending.pop(name), name, stmt), stmt)
            for name in names
        ]

    _walk_bodies(tree, on_stmt)
    return pending


def _apply_global_dict(tree, flags, global_name):
    parts = global_name.split(".")
    values = nested_flags(flags)
    for part in reversed(parts[1:]):
        values = {part: values}
    top = parts[0]
    found = []

    def on_stmt(stmt):
        if found or top not in _assigned_names(stmt):
            return None
        found.append(stmt)
        return [_merge_stmt(top, values, stmt)]

    _walk_bodies(tree, on_stmt)
    if found:
        return {}
    return {top: values}


def _walk_bodies(node, on_stmt):
    """Call `on_stmt` for statements of `node`'s body, in order.

    Recurses into `if` statement bodies. `on_stmt` returns a list of
    statements to insert after the statement, or None.
    """
    new_body = []
    for stmt in node.body:
        new_body.append(stmt)
        extra = on_stmt(stmt)
        if extra:
            new_body.extend(extra)
        if isinstance(stmt, ast.If):
            _walk_bodies(stmt, on_stmt)
    node.body = new_body


def _assigned_names(stmt):
    if isinstance(stmt, ast.Assign):
        return [t.id for t in stmt.targets if isinstance(t, ast.Name)]
    if isinstance(stmt, ast.AnnAssign):
        if stmt.value is not None and isinstance(stmt.target, ast.Name):
            return [stmt.target.id]
    return []


def _single_target(stmt):
    if isinstance(stmt, ast.Assign):
        return len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
    return True


def _value_expr(value, name, located_at):
    try:
        expr = _literal(value)
    except TypeError:
        VALUES[name] = value
        key = ast.Constant(name)
        if sys.version_info < (3, 9):
            key = ast.Index(key)
        expr = ast.Subscript(
            value=_registry_expr("VALUES"), slice=key, ctx=ast.Load()
        )
    return ast.copy_location(expr, located_at)


def _literal(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return ast.Constant(value)
    if isinstance(value, list):
        return ast.List([_literal(x) for x in value], ast.Load())
    if isinstance(value, dict):
        return ast.Dict(
            [_literal(k) for k in value], [_literal(v) for v in value.values()]
        )
    raise TypeError(value)


def _registry_expr(attr):
    # __import__("guild._globals_dest", None, None, [attr]).<attr>
    imported = ast.Call(
        func=ast.Name("__import__", ast.Load()),
        args=[
            ast.Constant(__name__),
            ast.Constant(None),
            ast.Constant(None),
            ast.List([ast.Constant(attr)], ast.Load()),
        ],
        keywords=[],
    )
    return ast.Attribute(value=imported, attr=attr, ctx=ast.Load())


def _assign(name, value, located_at):
    stmt = ast.Assign(targets=[ast.Name(name, ast.Store())], value=value)
    return ast.copy_location(stmt, located_at)


def _merge_stmt(name, values, located_at):
    call = ast.Call(
        func=_registry_expr("merge"),
        args=[ast.Name(name, ast.Load()), _value_expr(values, name, located_at)],
        keywords=[],
    )
    return ast.copy_location(ast.Expr(call), located_at)
