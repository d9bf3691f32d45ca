/**
 * The language the operator workbook is written in: Dutch, the operators' language, unless the IT team
 * asks for English (EASR_REPORT_LANGUAGE=en). A column is defined once with its header in both
 * languages; the workbook takes the one it is written in.
 */
import { EN } from "../../src/texts/en";
import { NL } from "../../src/texts/nl";
import type { Texts } from "../../src/texts/texts";
import type { ColumnDefinition } from "../excel-cells";

export const REPORT_LANGUAGES = ["nl", "en"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface Bilingual {
  readonly nl: string;
  readonly en: string;
}

/** A header in Dutch and in English. */
export const h = (nl: string, en: string): Bilingual => ({ nl, en });

export type BilingualColumn<Row> = Omit<ColumnDefinition<Row>, "header"> & { readonly header: Bilingual };

/** The columns with their headers in one language. */
export function inLanguage<Row>(columns: readonly BilingualColumn<Row>[], language: ReportLanguage): ColumnDefinition<Row>[] {
  return columns.map((column) => ({ ...column, header: column.header[language] }));
}

/** The texts of the codes (reasons, rules, flags …) in the language. */
export function textsOf(language: ReportLanguage): Texts {
  return language === "nl" ? NL : EN;
}
