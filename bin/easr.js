#!/usr/bin/env node
// The `easr` command: runs the compiled CLI (built by `npm install` through the prepare script, or `npm run build`).
"use strict";
const { main } = require("../dist/src/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`easr: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
