#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts it without its ES module loader.
require("../dist/bundle/cli.js")
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
