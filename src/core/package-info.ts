/** Where this package's own files are, and its version. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

// Compiled to dist/src/core/package-info.js: the package root is three up.
export const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Our Python runtime (`guild.op_main`, flag import), put on PYTHONPATH. */
export const PYTHON_DIR = join(PACKAGE_ROOT, "python");

export const VERSION = "0.1.0";

/** The version written into `builtin:guildai <version>` oprefs. */
export const BUILTIN_PKG_VERSION = VERSION;
