/**
 * The month-over-month chart (issue 16): the forms declared per form type in each of the 13 months
 * compared, one line per form type, the run month marked; Dutch words, for the payroll operators.
 *
 * Vega-Lite spec → Vega view without a renderer (`renderer: "none"`) → SVG → PNG by resvg with DejaVu Sans
 * from the dejavu-fonts-ttf package and no system font, so that the same data gives the same PNG bytes on
 * every machine (no font lookup, no clock, no randomness in any of the three steps). vega 5 is used as its
 * CommonJS build (vega 6 is ESM only). The PNG goes into the operator workbook (month-over-month-sheet.ts)
 * and beside it into the run's folder ({@link writeMonthChartPng}).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { chartLibraries } from "./lazy-libraries";
import { writeFileAtomically } from "../src/files/atomic-file";
import { runOutputNames } from "../src/files/output-layout";
import type { YearMonth } from "../src/domain/year-month";
import { FORM_TYPES, type FormType } from "../src/rules/decision-types";
import type { MonthOverMonth } from "./month-over-month";

/** Readable across an A4 landscape page (the height is about this, as the panels come). */
export const CHART_SIZE = { width: 1400, height: 600 } as const;

const FONT_FAMILY = "DejaVu Sans";
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = [join(FONT_DIR, "DejaVuSans.ttf"), join(FONT_DIR, "DejaVuSans-Bold.ttf")];

/** One point of a line: the forms of a form type declared in a month; null where the month has no run or its count is unknown. */
export interface ChartPoint {
  readonly month: YearMonth;
  readonly formType: FormType;
  readonly declared: number | null;
}

/**
 * The form types drawn: those that declared something in the months compared (a line at 0 all along says
 * nothing and crowds the legend); every form type when none did.
 */
export function chartedFormTypes(data: MonthOverMonth): FormType[] {
  const active = FORM_TYPES.filter((formType) => data.months.some(({ run }) => (run?.forms[formType]?.declared ?? 0) > 0));
  return active.length > 0 ? active : [...FORM_TYPES];
}

/** The points of the chart, month by month (oldest first), in form type order. */
export function chartPoints(data: MonthOverMonth): ChartPoint[] {
  const formTypes = chartedFormTypes(data);
  return data.months.flatMap(({ month, run }) =>
    formTypes.map((formType) => ({ month, formType, declared: run?.forms[formType]?.declared ?? null })),
  );
}

/** Room for the title, the month axis and the padding around the panels, in pixels. */
const FRAME = { width: 190, height: 150 } as const;
/** Pixels between two panels. */
const PANEL_SPACING = 14;

/**
 * The Vega-Lite spec of the chart: a panel per form type, one under the other, each with its own scale
 * (60,000 WECH006 forms beside a few hundred ZIMA forms would flatten the small ones to a line at 0);
 * lines with points, broken where a month has no run; a dashed rule on the run month. The panels share
 * the month axis and together fill about {@link CHART_SIZE}.
 */
function monthChartSpec(data: MonthOverMonth): TopLevelSpec {
  const size = CHART_SIZE;
  const months = data.months.map((entry) => entry.month);
  const formTypes = chartedFormTypes(data);
  const panelHeight = Math.max(40, Math.floor((size.height - FRAME.height) / formTypes.length) - PANEL_SPACING);
  const x = { field: "month", type: "ordinal", title: "Maand", scale: { domain: months }, axis: { labelAngle: 0 } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    background: "white",
    padding: 16,
    title: {
      text: "Aangegeven formulieren per maand",
      subtitle: `Omgeving ${data.environment}, ${months[0]} tot en met ${data.runMonth}; elk formuliertype met zijn eigen schaal; de streepjeslijn is deze maand. Geen punt: geen voltooide run in die maand.`,
    },
    config: {
      font: FONT_FAMILY,
      title: { fontSize: 20, subtitleFontSize: 14, anchor: "start" },
      axis: { labelFontSize: 13, titleFontSize: 14 },
      header: { labelFontSize: 14, labelFontWeight: "bold", labelAngle: 0, labelAlign: "left", labelAnchor: "middle" },
    },
    data: { values: chartPoints(data) as unknown as Record<string, unknown>[] },
    facet: { row: { field: "formType", type: "nominal", title: null, sort: formTypes } },
    spacing: PANEL_SPACING,
    resolve: { scale: { y: "independent" } },
    spec: {
      width: size.width - FRAME.width,
      height: panelHeight,
      layer: [
        {
          // Null is no point and breaks the line: a month without a run is a gap, not a zero.
          mark: { type: "line", point: { size: 50 }, strokeWidth: 2.5, invalid: "break-paths-filter-domains" },
          encoding: {
            x,
            y: { field: "declared", type: "quantitative", title: null, axis: { format: "~s", tickCount: 3 }, scale: { zero: true } },
            color: { field: "formType", type: "nominal", legend: null, scale: { domain: formTypes } },
          },
        },
        {
          transform: [{ filter: { field: "month", equal: data.runMonth } }],
          mark: { type: "rule", color: "#555555", strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { x },
        },
      ],
    },
  } as TopLevelSpec;
}

/** The chart as a PNG {@link CHART_SIZE}'s width wide, about its height high: the same data, the same bytes. */
export async function renderMonthChart(data: MonthOverMonth): Promise<Buffer> {
  const size = CHART_SIZE;
  const { vega, vegaLite, resvg } = chartLibraries();
  const view = new vega.View(vega.parse(vegaLite.compile(monthChartSpec(data)).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    // The panels come to about `size`; scaled to its width exactly, the height follows.
    const png = new resvg.Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      fitTo: { mode: "width", value: size.width },
    })
      .render()
      .asPng();
    return Buffer.from(png);
  } finally {
    view.finalize();
  }
}

/**
 * Writes the chart into the run's folder as `maand-per-maand-<YYYY-MM><suffix>.png` (`suffix`: the run's
 * `reportSuffix`, "-run<id>" for a later run of the folder, see src/files/output-layout.ts): under a temporary
 * name first, then renamed, with the file mode of everything the adapter writes (not world-readable). Like
 * every report it is never written over an existing file: `removeRunReports` removes it before the reports
 * are written again. Returns its path.
 */
export function writeMonthChartPng(runDir: string, month: YearMonth, png: Buffer, suffix = ""): string {
  const path = runOutputNames(runDir, month, suffix).monthChart;
  if (existsSync(path)) throw new Error(`${path} exists already: refusing to overwrite it`);
  writeFileAtomically(path, png);
  return path;
}
