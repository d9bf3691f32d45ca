/**
 * Preloaded into the benchmarked child process (`NODE_OPTIONS="--require rss-probe.js" bin/easr.js run …`): on
 * exit it writes the process's peak resident set size (kilobytes, `process.resourceUsage().maxRSS`)
 * to the file named by EASR_BENCH_RSS_FILE. Does nothing without that variable.
 */
import { writeFileSync } from "node:fs";

const target = process.env.EASR_BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
