/**
 * Preloaded into a child process started with `--expose-gc` (`-r test/support/memory-probe.ts`): every
 * 250 ms it collects the garbage and notes the live JavaScript heap plus external memory (what the
 * process holds, not what the collector has yet to free); on exit it writes that peak and the peak
 * resident set size to the JSON file named by EASR_MEMORY_PROBE_FILE.
 */
import { writeFileSync } from "node:fs";

const target = process.env.EASR_MEMORY_PROBE_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (target && collect) {
  let maxLiveBytes = 0;
  const sample = () => {
    collect();
    const usage = process.memoryUsage();
    maxLiveBytes = Math.max(maxLiveBytes, usage.heapUsed + usage.external);
  };
  setInterval(sample, 250).unref();
  process.on("exit", () => {
    sample();
    writeFileSync(target, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, maxLiveMb: maxLiveBytes / 1024 / 1024 }));
  });
}
