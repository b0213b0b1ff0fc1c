"""Print the flags of a Python script as one JSON object.

    python3 import_flags.py SCRIPT [--flags-dest DEST] [--package PKG]

Run with the script's directory as the current directory. Output (stdout,
one line), e.g.:

    {"$dest": "args", "msg": {"default": "hello"},
     "loud": {"default": false, "arg-switch": true, "choices": [true, false]}}

The interface is `args` if the script imports argparse, else `globals`
(`--flags-dest` forces one: `args`, `globals` or `global:NAME`).

- args: the script is executed as `__main__` with `sys.argv = [SCRIPT,
  "--help"]` and its argument parser is read when it parses the command
  line (the script is stopped there). Every option with a `--long` name
  and a store / store_true / store_false / BooleanOptionalAction action
  becomes a flag: `description` (help), `default`, `choices`, `required`,
  `type` (for `type=int/float/str/bool`), `arg-switch`.
- globals: top-level `NAME = <literal>` assignments (numbers, strings,
  True/False/None), first assignment of a name only, names not starting
  with `_`. The script is not executed.
- global:NAME: the items of the top-level dict literal NAME, with
  nested dicts flattened to dotted names (`opt.lr`).

A string default containing a path separator that names an existing
file relative to the script's directory is made absolute.

Anything the script prints is discarded. If the script fails before
its arguments are parsed, a `WARNING: cannot import flags from SCRIPT:
ERROR` line is written to stderr and the flags found (none) are printed;
the exit status is still 0. Usage errors exit with status 2.

This file must not rely on the rest of the package: it runs as a plain
script.
"""

import ast
import json
import os
import sys

_ARGS_ACTION_NAMES = (
    "_StoreAction",
    "_StoreTrueAction",
    "_StoreFalseAction",
    "BooleanOptionalAction",
)


def main(argv):
    opts = _parse_argv(argv)
    script = os.path.abspath(opts["script"])
    out = _Output(debug=_log_level() <= 10)
    try:
        data = import_flags(script, opts["dest"], opts["package"], out)
    except BaseException:
        out.restore()
        raise
    out.write_result(data)
    # The script may have started threads or registered exit handlers:
    # none of them should run on our behalf.
    out.exit(0)


def _parse_argv(argv):
    opts = {"script": None, "dest": None, "package": ""}
    option_keys = {"--flags-dest": "dest", "--package": "package"}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg in option_keys:
            if not rest:
                _usage()
            opts[option_keys[arg]] = rest.pop(0)
        elif arg.startswith("-") or opts["script"] is not None:
            _usage()
        else:
            opts["script"] = arg
    if not opts["script"]:
        _usage()
    return opts


def _usage():
    sys.stderr.write(
        "usage: import_flags.py SCRIPT [--flags-dest DEST] [--package PKG]\n"
    )
    sys.exit(2)


def _log_level():
    try:
        return int(os.environ.get("LOG_LEVEL") or 30)
    except ValueError:
        return 30


def import_flags(script, dest, package, out):
    try:
        with open(script, "rb") as f:
            source = f.read()
        tree = ast.parse(source, script)
    except (OSError, SyntaxError, ValueError) as e:
        out.warn("cannot import flags from %s: %s" % (script, _error_desc(e)))
        return {"$dest": dest or "globals"}
    dest = dest or ("args" if _imports_argparse(tree) else "globals")
    if dest == "args":
        flags = _argparse_flags(script, source, package, out)
    elif dest == "globals":
        flags = _globals_flags(tree)
    elif dest.startswith("global:"):
        flags = _dict_flags(tree, dest[7:], script, out)
    else:
        flags = {}
    _apply_abs_paths(flags, os.path.dirname(script))
    data = {"$dest": dest}
    data.update(flags)
    return data


def _error_desc(e):
    if isinstance(e, SyntaxError):
        return "%s (line %s)" % (e.msg, e.lineno)
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e)


# ---------------------------------------------------------------------
# Interface detection
# ---------------------------------------------------------------------


def _imports_argparse(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module] + [alias.name for alias in node.names]
        else:
            continue
        if "argparse" in names:
            return True
    return False


# ---------------------------------------------------------------------
# argparse
# ---------------------------------------------------------------------


class _ParserCaptured(BaseException):
    """Stops the script once its parser is known."""


def _argparse_flags(script, source, package, out):
    import argparse

    captured = []
    parse_known_args = argparse.ArgumentParser.parse_known_args

    def patched(parser, *args, **kw):
        captured.append(_parser_flags(parser, out))
        if _handles_help(parser):
            raise _ParserCaptured()
        # A parser without --help (e.g. a pre-parser for a config file
        # option) doesn't end the script: let it go on to the next one.
        return parse_known_args(parser, *args, **kw)

    argparse.ArgumentParser.parse_known_args = patched
    error = None
    out.silence()
    try:
        _exec_script(script, source, package)
    except _ParserCaptured:
        pass
    except SystemExit as e:
        if e.code not in (None, 0):
            error = _exit_desc(e.code)
    except BaseException as e:
        error = _exception_desc(e)
    finally:
        argparse.ArgumentParser.parse_known_args = parse_known_args
        out.unsilence()
    if captured:
        return captured[-1]
    if error is not None:
        out.warn("cannot import flags from %s: %s" % (script, error))
    return {}


def _exec_script(script, source, package):
    sys.argv = [script, "--help"]
    sys.path[0] = _sys_path_root(script, package)
    if package:
        __import__(package)
    module = type(sys)("__main__")
    module.__dict__.update(
        {
            "__file__": script,
            "__package__": package or None,
            "__spec__": None,
            "__loader__": None,
            "__cached__": None,
            "__builtins__": __builtins__,
        }
    )
    sys.modules["__main__"] = module
    code = compile(source, script, "exec", dont_inherit=True)
    exec(code, module.__dict__)


def _sys_path_root(script, package):
    path = os.path.dirname(script)
    if package:
        for _ in package.split("."):
            path = os.path.dirname(path)
    return path


def _exit_desc(code):
    if isinstance(code, int):
        return "script exited with status %i" % code
    return str(code)


def _exception_desc(e):
    name = type(e).__name__
    msg = str(e)
    return "%s: %s" % (name, msg) if msg else name


def _handles_help(parser):
    import argparse

    return any(isinstance(a, argparse._HelpAction) for a in parser._actions)


def _parser_flags(parser, out):
    flags = {}
    for action in parser._actions:
        name = _long_option_name(action)
        if name is None or not _is_flag_action(action):
            continue
        flags[name] = _action_flag_attrs(action, name, out)
    return flags


def _long_option_name(action):
    for opt in action.option_strings:
        if opt.startswith("--") and len(opt) > 2:
            return opt[2:]
    return None


def _is_flag_action(action):
    return any(cls.__name__ in _ARGS_ACTION_NAMES for cls in type(action).__mro__)


def _action_kind(action):
    for cls in type(action).__mro__:
        if cls.__name__ in _ARGS_ACTION_NAMES:
            return cls.__name__
    return None


_TYPE_NAMES = {int: "int", float: "float", str: "string", bool: "boolean"}


def _action_flag_attrs(action, name, out):
    import argparse

    attrs = {}
    if action.help and action.help != argparse.SUPPRESS:
        attrs["description"] = action.help
    if action.default is not None and action.default != argparse.SUPPRESS:
        attrs["default"] = _json_value(action.default, name, out)
    if action.choices:
        attrs["choices"] = _json_value(_as_list(action.choices), name, out)
    if action.required:
        attrs["required"] = True
    type_name = _TYPE_NAMES.get(action.type)
    if type_name:
        attrs["type"] = type_name
    kind = _action_kind(action)
    if kind == "_StoreTrueAction":
        attrs["arg-switch"] = True
        attrs["choices"] = [True, False]
    elif kind == "_StoreFalseAction":
        attrs["arg-switch"] = False
        attrs["choices"] = [True, False]
    elif kind == "BooleanOptionalAction":
        _apply_boolean_optional(action, attrs)
    return attrs


def _apply_boolean_optional(action, attrs):
    # `--x` / `--no-x`: pass whichever option gives the wanted value.
    opts = [opt for opt in action.option_strings if opt.startswith("--")]
    if len(opts) != 2:
        return
    attrs["choices"] = [True, False]
    if action.default:
        attrs["arg-name"] = opts[1][2:]
        attrs["arg-switch"] = False
    else:
        attrs["arg-name"] = opts[0][2:]
        attrs["arg-switch"] = True


def _as_list(choices):
    if isinstance(choices, (list, str, dict)):
        return choices
    try:
        return list(choices)
    except TypeError:
        return choices


def _json_value(value, name, out):
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        out.warn(
            "cannot serialize value %r for flag %s - coercing to string"
            % (value, name)
        )
        return str(value)
    return value


# ---------------------------------------------------------------------
# Globals
# ---------------------------------------------------------------------


class _NotLiteral(Exception):
    pass


def _globals_flags(tree):
    flags = {}
    for name, value in _first_assigns(tree):
        if name.startswith("_"):
            continue
        try:
            value = _scalar_literal(value)
        except _NotLiteral:
            continue
        flags[name] = _value_flag_attrs(value)
    return flags


def _first_assigns(tree):
    """Yield `(name, value_node)` for the first top-level assign of names."""
    seen = set()
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign):
            continue
        for target in stmt.targets:
            if isinstance(target, ast.Name) and target.id not in seen:
                seen.add(target.id)
                yield target.id, stmt.value


def _scalar_literal(node):
    if isinstance(node, ast.Constant):
        value = node.value
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, (int, float)) and _finite(value):
            return value
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = node.operand
        if (
            isinstance(operand, ast.Constant)
            and isinstance(operand.value, (int, float))
            and not isinstance(operand.value, bool)
            and _finite(operand.value)
        ):
            return -operand.value if isinstance(node.op, ast.USub) else operand.value
    raise _NotLiteral()


def _finite(x):
    return x - x == 0


def _value_flag_attrs(value):
    attrs = {"default": value}
    if isinstance(value, str):
        attrs["type"] = "string"
    elif isinstance(value, bool):
        attrs["type"] = "boolean"
    elif isinstance(value, (int, float)):
        attrs["type"] = "number"
    return attrs


def _dict_flags(tree, name, script, out):
    for assigned, node in _first_assigns(tree):
        if assigned == name:
            try:
                value = _dict_literal(node)
            except _NotLiteral:
                break
            flags = {}
            for flag_name, flag_value in _flatten(value, ""):
                if flag_name.startswith("_"):
                    continue
                flags[flag_name] = _value_flag_attrs(flag_value)
            return flags
    out.warn(
        "cannot import flags for param '%s' in '%s': param must be a dict literal"
        % (name, os.path.basename(script))
    )
    return {}


def _dict_literal(node):
    if not isinstance(node, ast.Dict):
        raise _NotLiteral()
    result = {}
    for key, value in zip(node.keys, node.values):
        if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
            continue
        if isinstance(value, ast.Dict):
            result[key.value] = _dict_literal(value)
        else:
            try:
                result[key.value] = _scalar_literal(value)
            except _NotLiteral:
                pass
    return result


def _flatten(d, prefix):
    for key, value in d.items():
        name = prefix + key
        if isinstance(value, dict):
            for item in _flatten(value, name + "."):
                yield item
        else:
            yield name, value


def _apply_abs_paths(flags, script_dir):
    for attrs in flags.values():
        default = attrs.get("default")
        if isinstance(default, str) and os.path.sep in default:
            path = os.path.join(script_dir, default)
            if os.path.exists(path):
                attrs["default"] = path


# ---------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------


class _Output(object):
    """Keeps the script's output away from ours.

    While the script runs, file descriptors 1 and 2 point to /dev/null
    (so writes from child processes and C code are dropped too); our
    JSON and warnings go to saved copies of the original descriptors.
    """

    def __init__(self, debug=False):
        self.debug = debug
        self.stdout_fd = os.dup(1)
        self.stderr_fd = os.dup(2)
        self.silenced = False

    def silence(self):
        if self.debug:
            return
        _flush_std()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
        self.silenced = True

    def unsilence(self):
        # Leave 1 and 2 on /dev/null: anything still buffered by the
        # script is flushed there, never into our output.
        _flush_std()

    def restore(self):
        _flush_std()
        if self.silenced:
            os.dup2(self.stdout_fd, 1)
            os.dup2(self.stderr_fd, 2)
            self.silenced = False

    def warn(self, msg):
        _write_fd(self.stderr_fd, "WARNING: %s\n" % msg)

    def write_result(self, data):
        _write_fd(self.stdout_fd, json.dumps(data) + "\n")

    def exit(self, code):
        _flush_std()
        os._exit(code)


def _flush_std():
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass


def _write_fd(fd, text):
    data = text.encode("utf-8")
    while data:
        written = os.write(fd, data)
        data = data[written:]


if __name__ == "__main__":
    # Our own directory must not shadow the script's imports.
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(
        os.path.abspath(__file__)
    ):
        sys.path[0] = os.getcwd()
    main(sys.argv[1:])
