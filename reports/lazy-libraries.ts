/**
 * Libraries only some reports need, loaded when first used rather than when the program starts: every
 * command loads the reports' modules, and pdf-lib with fontkit (the payslip PDF, about 20 MB resident)
 * and vega, vega-lite and resvg (the month-over-month chart, about 16 MB) would otherwise sit in the
 * memory of every monthly run while it decides, where the run's peak is measured (npm run bench).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, on purpose (see above) */

export function pdfLib(): typeof import("pdf-lib") {
  return require("pdf-lib") as typeof import("pdf-lib");
}

export function fontkit(): typeof import("@pdf-lib/fontkit") {
  return require("@pdf-lib/fontkit") as typeof import("@pdf-lib/fontkit");
}

export function chartLibraries(): {
  readonly vega: typeof import("vega");
  readonly vegaLite: typeof import("vega-lite");
  readonly resvg: typeof import("@resvg/resvg-js");
} {
  return {
    vega: require("vega") as typeof import("vega"),
    vegaLite: require("vega-lite") as typeof import("vega-lite"),
    resvg: require("@resvg/resvg-js") as typeof import("@resvg/resvg-js"),
  };
}
