"""Run a user's Python module as the main program of an operation.

    python -um guild.op_main MODULE [ARG...]

MODULE is `name`, `pkg.name` or `some/dir/name` (the directory part is
resolved against sys.path and put first on it). The module is looked up
as a source file on sys.path (the run directory first, then PYTHONPATH,
which starts with the run's copy of the project source) and executed as
`__main__`, so `if __name__ == "__main__":` blocks run.

How ARGs reach the module depends on env FLAGS_DEST:

- `args` (the default, also `args:<anything>`): ARGs become
  sys.argv[1:], minus the last standalone `--` (which separates the
  main args of a Guild file operation from its flag args).
- `globals`: ARGs are `--NAME VALUE` pairs (after the last `--`, if
  any). Each VALUE is read as YAML (see guild._yaml_scalar) and becomes
  the value of the first top-level assignment to NAME in the module.
- `global:NAME`: as `globals`, but the values are stored as items of the
  dict (or attributes of the object) NAME; dotted flag names make
  nested dicts.

An uncaught exception prints a traceback that starts at the user's
module and exits with status 1; SystemExit keeps its status; Ctrl-C
ends the process the way Python does (killed by SIGINT).

Start-up time adds to every run, so only `os` and `sys` are imported
unless more is needed.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))

DEFAULT_ERROR = 1
INTERNAL_ERROR = 2

_op_main_module = None


class _ModuleNotFound(Exception):
    pass


def main():
    if len(sys.argv) < 2:
        _internal_error("missing required arg")
    spec, args = sys.argv[1], sys.argv[2:]
    _init_sys_path()
    _init_warnings()
    _debug("cwd: %s", os.getcwd())
    _debug("sys.path: %s", os.path.pathsep.join(sys.path))
    try:
        mod_path, package = _find_module(spec)
    except _ModuleNotFound as e:
        _error(str(e))
    dest = os.environ.get("FLAGS_DEST") or "args"
    if dest == "args" or dest.startswith("args:"):
        _run_module(mod_path, package, _without_last_dashdash(args))
    elif dest == "globals" or dest.startswith("global:"):
        _run_module_with_globals(mod_path, package, args, dest)
    else:
        _error("unsupported flags dest: %s" % dest)


def _init_sys_path():
    script_dir = os.environ.get("SCRIPT_DIR")
    if script_dir is not None:
        sys.path[0] = script_dir


def _log_level():
    try:
        return int(os.environ.get("LOG_LEVEL") or 30)
    except ValueError:
        return 30


def _init_warnings():
    # As in Guild AI, Python warnings are hidden unless debugging.
    if _log_level() > 10:
        import warnings

        warnings.simplefilter("ignore", Warning)


def _debug(msg, *args):
    if _log_level() <= 10:
        sys.stderr.write("DEBUG: [guild] %s\n" % (msg % args))


# ---------------------------------------------------------------------
# Finding the module
# ---------------------------------------------------------------------


def _find_module(spec):
    """Return `(path, package)` for module spec `spec`."""
    spec = spec.replace(os.path.sep, "/")
    if "/" in spec:
        dir_part, module = spec.rsplit("/", 1)
        resolved = _resolve_dir(dir_part)
        _debug("using package path '%s'", resolved)
        sys.path.insert(0, resolved)
    else:
        module = spec
    try:
        return _search_sys_path(module)
    except _ModuleNotFound:
        # Be forgiving about a script name given with its extension.
        if module.endswith(".py") and len(module) > 3:
            try:
                return _search_sys_path(module[:-3])
            except _ModuleNotFound:
                pass
        raise


def _resolve_dir(dir_part):
    for entry in sys.path:
        candidate = os.path.join(entry or os.curdir, dir_part)
        if os.path.exists(candidate):
            return candidate
    return dir_part


def _search_sys_path(module):
    parts = module.split(".")
    name = parts[-1]
    for entry in sys.path:
        base = os.path.join(entry or os.curdir, *parts[:-1])
        pkg_dir = os.path.join(base, name)
        if _is_package(pkg_dir):
            main_path = os.path.join(pkg_dir, "__main__.py")
            if os.path.isfile(main_path):
                return os.path.abspath(main_path), module
            raise _ModuleNotFound(
                "No module named %s.__main__ ('%s' is a package and "
                "cannot be directly executed)" % (module, module)
            )
        mod_path = os.path.join(base, name + ".py")
        if os.path.isfile(mod_path):
            return os.path.abspath(mod_path), ".".join(parts[:-1])
    raise _ModuleNotFound("No module named %s" % module)


def _is_package(path):
    return os.path.isfile(os.path.join(path, "__init__.py")) or os.path.isfile(
        os.path.join(path, "__init__.pyc")
    )


# ---------------------------------------------------------------------
# Running it
# ---------------------------------------------------------------------


def _without_last_dashdash(args):
    for i in range(len(args) - 1, -1, -1):
        if args[i] == "--":
            return args[:i] + args[i + 1 :]
    return args


def _read_source(path):
    with open(path, "rb") as f:
        return f.read()


def _run_module(mod_path, package, argv):
    try:
        code = compile(_read_source(mod_path), mod_path, "exec", dont_inherit=True)
    except SyntaxError as e:
        _syntax_error(e)
    _exec_as_main(code, mod_path, package, argv, {})


def _run_module_with_globals(mod_path, package, args, dest):
    from guild import _globals_dest

    argv, flags = _globals_dest.split_flag_args(args)
    _debug("flags for %s: %r", dest, flags)
    try:
        code, predefined = _globals_dest.compile_with_flags(
            _read_source(mod_path), mod_path, flags, dest
        )
    except _globals_dest.FlagsError as e:
        _error(str(e))
    except SyntaxError as e:
        _syntax_error(e)
    _exec_as_main(code, mod_path, package, argv, predefined)


def _exec_as_main(code, mod_path, package, argv, predefined):
    if package:
        # Like `python -m pkg.mod`: the package is imported first so
        # relative imports work.
        __import__(package)
    module = type(sys)("__main__")
    namespace = module.__dict__
    namespace.update(predefined)
    namespace.update(
        {
            "__file__": mod_path,
            "__package__": package or None,
            "__spec__": None,
            "__loader__": None,
            "__cached__": None,
            "__builtins__": __builtins__,
        }
    )
    mod_dir = os.path.dirname(mod_path)
    if not package and (not sys.path or sys.path[0] != mod_dir):
        sys.path.insert(0, mod_dir)
    sys.argv = [mod_path] + list(argv)
    _debug("argv: %s", sys.argv)
    # Keep this module alive once it's no longer `__main__`.
    global _op_main_module
    _op_main_module = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    exec(code, namespace)


# ---------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------


def _error(msg):
    sys.stderr.write("guild: %s\n" % msg)
    sys.exit(DEFAULT_ERROR)


def _internal_error(msg):
    sys.stderr.write("guild.op_main: %s\n" % msg)
    sys.exit(INTERNAL_ERROR)


def _is_ours(filename):
    return os.path.dirname(os.path.abspath(filename)) == _HERE


def _user_traceback(tb):
    """Return `tb` without the leading frames that belong to this package."""
    while tb is not None and _is_ours(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return tb


def _print_exception(e):
    import traceback

    tb = _user_traceback(e.__traceback__)
    if tb is None:
        # Not raised by the user's code: show everything.
        tb = e.__traceback__
    _write_stderr(traceback.format_exception(type(e), e, tb))


def _syntax_error(e):
    """Report a syntax error in the user's module as Python does."""
    import traceback

    _write_stderr(traceback.format_exception_only(type(e), e))
    sys.exit(DEFAULT_ERROR)


def _write_stderr(lines):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.stderr.write("".join(lines))
    sys.stderr.flush()


def _quiet_interrupt_hook(exc_type, exc, tb):
    if _log_level() <= 10:
        _print_exception(exc)


def _run():
    try:
        main()
    except KeyboardInterrupt:
        # Re-raised so that Python ends the process with SIGINT (exit
        # status 130 in a shell); the hook keeps the traceback quiet.
        sys.excepthook = _quiet_interrupt_hook
        raise
    except Exception as e:
        _print_exception(e)
        sys.exit(DEFAULT_ERROR)


if __name__ == "__main__":
    _run()
