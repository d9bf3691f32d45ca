/**
 * Preloaded into the benchmarked child process (`NODE_OPTIONS="--require rss-probe.js" bin/easr.js run …`): on
 * exit it writes the process's peak resident set size (kilobytes, `process.resourceUsage().maxRSS`)
 * and the CPU time of all its threads to the file named by EASR_BENCH_RSS_FILE. Does nothing without that variable.
 */
import { writeFileSync } from "node:fs";

const target = process.env.EASR_BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    // CPU of every thread of the process (main, workers, libuv's pool), user and system, in seconds.
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds }));
  });
}
