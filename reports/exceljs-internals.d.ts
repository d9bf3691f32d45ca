/**
 * The few parts of exceljs 4.4 that its typings leave out and reports/streaming-sheet-image.ts uses: the
 * xforms with which exceljs itself renders a drawing part, its relationships and [Content_Types].xml.
 * Only what is called is declared.
 */
declare module "exceljs/lib/xlsx/xform/drawing/drawing-xform" {
  class DrawingXform {
    prepare(model: unknown): void;
    toXml(model: unknown): string;
  }
  export = DrawingXform;
}

declare module "exceljs/lib/xlsx/xform/core/relationships-xform" {
  class RelationshipsXform {
    toXml(model: readonly { Id: string; Type: string; Target: string }[]): string;
  }
  export = RelationshipsXform;
}

declare module "exceljs/lib/xlsx/xform/core/content-types-xform" {
  class ContentTypesXform {
    toXml(model: unknown): string;
  }
  export = ContentTypesXform;
}

declare module "exceljs/lib/xlsx/rel-type" {
  const RelType: { readonly Image: string };
  export = RelType;
}
