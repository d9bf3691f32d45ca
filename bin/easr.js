#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=8 --max-old-space-size=384
// The `easr` command: runs the compiled CLI (built by `npm install` through the prepare script, or `npm run build`).
// The Node flags keep a month of 200,000 staff under 300 MB (README, "Performance"): small young-generation
// semi-spaces and a cap on the old generation make V8 collect instead of growing; the run's live data is
// far below the cap. MALLOC_ARENA_MAX=2 keeps glibc from giving each thread (the validation and report
// workers, libuv's pool) a malloc arena of its own, memory it seldom returns: about 13 MB of a month's peak. `node bin/easr.js …` runs without them (more memory, slightly faster); to give a
// larger cap, start it as `node --max-old-space-size=<MB> bin/easr.js …`.
"use strict";
const { main } = require("../dist/src/cli/main.js");
// Should the program ever end without main having finished (something it awaited never came), it must
// not look like success: exit 1, said plainly.
let finished = false;
process.on("exit", () => {
  if (finished) return;
  process.stderr.write(
    "easr: stopped before finishing (an operation it waited for never completed); check the output folder and `easr audit`\n",
  );
  process.exitCode = 1;
});
main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error) => {
    finished = true;
    process.stderr.write(`easr: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
