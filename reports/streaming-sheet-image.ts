/**
 * A picture (the month-over-month chart) on a sheet of exceljs's streaming workbook writer, which has no
 * `worksheet.addImage` (exceljs issues #322, #1405): only its in-memory workbook places pictures, and the
 * reports write every workbook as a stream so that memory stays flat.
 *
 * The glue does what exceljs's in-memory writer does for one picture (lib/xlsx/xform/sheet/worksheet-xform.js
 * `prepare`, lib/xlsx/xlsx.js `addDrawings`), with exceljs's own xforms, on the streaming writer's parts:
 * - the PNG becomes a medium of the workbook (`workbook.addImage`: xl/media/, its content type);
 * - the drawing part `xl/drawings/drawing<sheet id>.xml` (DrawingXform: one one-cell anchor of a fixed size)
 *   and its relationships to the medium (RelationshipsXform) go into the zip at once;
 * - the sheet's relationships get the drawing (the sheet's own SheetRelsWriter), and the sheet its
 *   `<drawing r:id>` element where the schema puts it: after the row breaks, before `<legacyDrawing>`,
 *   which the writer writes at commit (so the element is written there, just before);
 * - [Content_Types].xml names the drawing part: the writer's `addContentTypes` leaves drawings out, so the
 *   workbook's is replaced by the same rendering with the drawings in.
 * Nothing here writes XML by hand but the single `<drawing r:id="…"/>` element.
 */
import ContentTypesXform from "exceljs/lib/xlsx/xform/core/content-types-xform";
import DrawingXform from "exceljs/lib/xlsx/xform/drawing/drawing-xform";
import RelationshipsXform from "exceljs/lib/xlsx/xform/core/relationships-xform";
import RelType from "exceljs/lib/xlsx/rel-type";
import type ExcelJS from "exceljs";
import type { StreamingWorkbook } from "./excel-cells";

/** Where the picture's top left corner goes (0-based, as in the drawing: column 0 is A, row 0 is 1) and its size in pixels. */
export interface PicturePlace {
  readonly col: number;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

const DRAWING_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

/** The parts of exceljs's streaming writers this glue works with (exceljs 4.4, lib/stream/xlsx/). */
interface WorkbookWriterParts {
  readonly zip: { append(source: string, data: { name: string }): void };
  readonly _worksheets: readonly unknown[];
  readonly sharedStrings: unknown;
  readonly commentRefs: unknown;
  readonly media: readonly { readonly name: string }[];
  addContentTypes(): Promise<void>;
}

interface WorksheetWriterParts {
  readonly id: number;
  readonly committed: boolean;
  readonly stream: { write(text: string): void };
  readonly _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
}

/** The drawing parts of each workbook, for its [Content_Types].xml. */
const DRAWINGS = new WeakMap<object, { name: string }[]>();

/**
 * Places `png` on `worksheet` (a sheet of `workbook`, not yet committed) at `place`. One picture a sheet;
 * call before the sheet is committed.
 */
export function addPictureToStreamingSheet(
  workbook: StreamingWorkbook,
  worksheet: ExcelJS.Worksheet,
  png: Buffer,
  place: PicturePlace,
): void {
  const book = workbook as unknown as WorkbookWriterParts;
  const sheet = worksheet as unknown as WorksheetWriterParts;
  if (sheet.committed) throw new Error(`sheet "${worksheet.name}" is committed: a picture must be placed before`);
  const drawings = drawingsOf(book);
  const name = `drawing${sheet.id}`;
  if (drawings.some((drawing) => drawing.name === name)) throw new Error(`sheet "${worksheet.name}" has a picture already`);
  drawings.push({ name });

  const medium = book.media[workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" })];
  const anchor = {
    picture: { rId: "rId1" },
    range: {
      tl: { nativeCol: place.col, nativeColOff: 0, nativeRow: place.row, nativeRowOff: 0 },
      ext: { width: place.width, height: place.height },
      editAs: "oneCell",
    },
  };
  const drawing = { anchors: [anchor] };
  const xform = new DrawingXform();
  xform.prepare(drawing);
  book.zip.append(xform.toXml(drawing), { name: `xl/drawings/${name}.xml` });
  const rels = [{ Id: "rId1", Type: RelType.Image, Target: `../media/${medium.name}` }];
  book.zip.append(new RelationshipsXform().toXml(rels), { name: `xl/drawings/_rels/${name}.xml.rels` });

  const rId = sheet._sheetRelsWriter.addRelationship({ Type: DRAWING_REL_TYPE, Target: `../drawings/${name}.xml` });
  const writeLegacyData = sheet._writeLegacyData.bind(sheet);
  sheet._writeLegacyData = () => {
    sheet.stream.write(`<drawing r:id="${rId}"/>`);
    writeLegacyData();
  };
}

/** The workbook's drawing parts; the first time, its [Content_Types].xml is made to name them. */
function drawingsOf(book: WorkbookWriterParts): { name: string }[] {
  let drawings = DRAWINGS.get(book);
  if (drawings) return drawings;
  const list: { name: string }[] = [];
  DRAWINGS.set(book, list);
  // As exceljs's WorkbookWriter.addContentTypes, with the drawings (which ContentTypesXform renders when given).
  book.addContentTypes = () => {
    const model = {
      worksheets: book._worksheets.filter(Boolean),
      sharedStrings: book.sharedStrings,
      commentRefs: book.commentRefs,
      media: book.media,
      drawings: list,
    };
    book.zip.append(new ContentTypesXform().toXml(model), { name: "[Content_Types].xml" });
    return Promise.resolve();
  };
  drawings = list;
  return drawings;
}
