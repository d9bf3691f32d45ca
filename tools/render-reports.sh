#!/usr/bin/env bash
# Renders the demo's reports as the people who get them see them, from the real files: the operator
# workbook of 2017-12 (its overview and its month-over-month page), a school board's workbook, and a staff
# member's PDF copy, as PNG pictures for the README (docs/images/). LibreOffice headless prints each
# workbook to PDF as it would go to an A4 printer (each sheet's own page setup), pdftoppm makes the pictures.
# It checks what issue 16 asks of the print: the operator workbook of the demo month on at most 10 A4
# pages, the chart on its month-over-month page.
#
# Needs soffice, pdfinfo, pdfimages and pdftoppm (Debian: libreoffice-calc-nogui, poppler-utils).
# Runs `npm run demo` first when the demo's outputs are not there. Usage: tools/render-reports.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-docs/images}
DEMO=out/demo
MONTH=2017-12
MAX_PAGES=10

for tool in soffice pdfinfo pdfimages pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-reports: $tool is missing (apt-get install libreoffice-calc-nogui poppler-utils)" >&2; exit 2; }
done
if [ ! -f "$DEMO/$MONTH/report-$MONTH.xlsx" ]; then
  echo "render-reports: running the demo first (npm run demo)"
  npm run demo --silent >/dev/null 2>&1 || { echo "render-reports: npm run demo failed" >&2; exit 1; }
fi
mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# to_pdf FILE: prints FILE to $work/<name>.pdf with a LibreOffice profile of its own (one already running elsewhere does not take it).
to_pdf() {
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$1" >/dev/null 2>&1
  echo "$work/$(basename "${1%.*}").pdf"
}

# picture PDF PAGE NAME: page PAGE of PDF as $OUT/NAME.png.
picture() {
  pdftoppm -png -r 70 -f "$2" -l "$2" -singlefile "$1" "$OUT/$3"
  echo "render-reports: $OUT/$3.png"
}

operator=$(to_pdf "$DEMO/$MONTH/report-$MONTH.xlsx")
pages=$(pdfinfo "$operator" | awk '/^Pages:/ {print $2}')
echo "render-reports: operator workbook $MONTH prints on $pages A4 pages (at most $MAX_PAGES)"
[ "$pages" -le "$MAX_PAGES" ] || { echo "render-reports: more than $MAX_PAGES pages" >&2; exit 1; }
picture "$operator" 1 operator-overview
# The month-over-month page is the one with the chart's picture.
chart_page=$(pdfimages -list "$operator" | awk 'NR > 2 && $3 == "image" {print $1; exit}')
[ -n "$chart_page" ] || { echo "render-reports: no chart on any page of the operator workbook" >&2; exit 1; }
picture "$operator" "$chart_page" operator-month-over-month

board_file=$(find "$DEMO/$MONTH/boards" -name '*.xlsx' | sort | head -n 1)
board=$(to_pdf "$board_file")
picture "$board" 1 board-workbook

node bin/easr.js payslip --staff 1 --month "$MONTH" --db "sqlite:$PWD/data/demo.sqlite" --out "$PWD/$DEMO" --pdf "$work/payslip.pdf" >/dev/null
picture "$work/payslip.pdf" 1 payslip-copy
