/**
 * A ruled table for printed records: cells wrap, each row is as tall as its tallest cell, and a
 * row that does not fit goes to a new page, where the header row is drawn again. Written by hand
 * because pdfkit's own `table()` neither repeats its header nor lets a cell be drawn (a numbered
 * signature line, a QR code).
 */
import { contentBottom, contentWidth, FONT, type PdfDocument } from './document.ts';

/** Where a cell sits on the page. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfColumn<Row> {
  header: string;
  /** Width in points; the columns of a table must fit the page. */
  width: number;
  align?: 'left' | 'center' | 'right';
  /** The cell's text (wrapped to the column). */
  text?: (row: Row, index: number) => string;
  bold?: (row: Row, index: number) => boolean;
  /** Draws the cell itself instead of (or besides) its text, inside the ruled box. */
  draw?: (doc: PdfDocument, row: Row, index: number, box: Box) => void;
}

export interface TableStyle {
  fontSize: number;
  headerFontSize: number;
  padding: number;
  /** Rows are at least this tall (room for a signature). */
  minRowHeight: number;
  headerFill: string;
  /** Every other row is shaded so a line can be followed across the page; null for none. */
  stripeFill: string | null;
  lineColor: string;
  lineWidth: number;
}

export interface TableOptions<Row> {
  style?: Partial<TableStyle>;
  /** Left edge; the left margin by default. */
  x?: number;
  /** Drawn at the top of each page the table continues on, before the header row is repeated. */
  onNewPage?: (doc: PdfDocument) => void;
  /** Whether a heavier rule goes above a row (a new group starts); never above a page's first row. */
  separator?: (row: Row, previous: Row | undefined) => boolean;
  /**
   * Room needed right below the table (a signature block). When the last rows fit on a page but
   * that room does not, the last `keepWithEnd` rows move to the next page with it, so a closing
   * block never stands alone on an empty page.
   */
  reserveAfter?: number;
  keepWithEnd?: number;
}

const DEFAULT_STYLE: TableStyle = {
  fontSize: 8.5,
  headerFontSize: 8.5,
  padding: 3.5,
  minRowHeight: 14,
  headerFill: '#d9d9d9',
  stripeFill: '#f2f2f2',
  lineColor: '#000000',
  lineWidth: 0.5,
};

function textHeight(doc: PdfDocument, text: string, width: number): number {
  return text === '' ? 0 : doc.heightOfString(text, { width });
}

/**
 * Draws a table from `doc.y` and leaves `doc.y` below it. Header and rows are measured before
 * they are drawn, so a row is never split across pages.
 */
export function drawTable<Row>(
  doc: PdfDocument,
  columns: readonly PdfColumn<Row>[],
  rows: readonly Row[],
  options: TableOptions<Row> = {},
): void {
  const style = { ...DEFAULT_STYLE, ...options.style };
  const left = options.x ?? doc.page.margins.left;
  const tableWidth = columns.reduce((sum, column) => sum + column.width, 0);
  if (left + tableWidth > doc.page.margins.left + contentWidth(doc) + 0.5) {
    throw new RangeError(`Table of ${tableWidth}pt does not fit the page`);
  }
  const inner = (column: PdfColumn<Row>) => column.width - 2 * style.padding;

  const headerHeight = () => {
    doc.font(FONT.bold).fontSize(style.headerFontSize);
    const tallest = Math.max(...columns.map((column) => textHeight(doc, column.header, inner(column))));
    return tallest + 2 * style.padding;
  };

  const rowHeight = (row: Row, index: number) => {
    let tallest = 0;
    for (const column of columns) {
      const text = column.text?.(row, index) ?? '';
      doc.font(column.bold?.(row, index) ? FONT.bold : FONT.regular).fontSize(style.fontSize);
      tallest = Math.max(tallest, textHeight(doc, text, inner(column)));
    }
    return Math.max(style.minRowHeight, tallest + 2 * style.padding);
  };

  const cellText = (text: string, column: PdfColumn<Row>, box: Box) => {
    if (text === '') return;
    const height = textHeight(doc, text, inner(column));
    // Centred vertically: rows are tall (for signing), and text hanging at the top looks unfinished.
    const y = box.y + Math.max(style.padding, (box.height - height) / 2);
    doc.text(text, box.x + style.padding, y, { width: inner(column), align: column.align ?? 'left', lineBreak: true });
  };

  const ruleRow = (y: number, height: number, fill: string | null) => {
    if (fill) doc.rect(left, y, tableWidth, height).fill(fill);
    doc.lineWidth(style.lineWidth).strokeColor(style.lineColor);
    let x = left;
    for (const column of columns) {
      doc.rect(x, y, column.width, height).stroke();
      x += column.width;
    }
    doc.fillColor('#000000');
  };

  let y = doc.y;
  const drawHeader = () => {
    const height = headerHeight();
    ruleRow(y, height, style.headerFill);
    doc.font(FONT.bold).fontSize(style.headerFontSize);
    let x = left;
    for (const column of columns) {
      cellText(column.header, { ...column, align: 'center' }, { x, y, width: column.width, height });
      x += column.width;
    }
    y += height;
  };

  const newPage = () => {
    doc.addPage();
    options.onNewPage?.(doc);
    y = doc.y;
    drawHeader();
  };

  // A header alone at the foot of a page helps nobody: keep it with the first row.
  const first = rows[0];
  if (y + headerHeight() + (first === undefined ? 0 : rowHeight(first, 0)) > contentBottom(doc)) {
    doc.addPage();
    options.onNewPage?.(doc);
    y = doc.y;
  }
  drawHeader();

  const heights = rows.map((row, index) => rowHeight(row, index));
  const keepFrom = rows.length - Math.max(1, options.keepWithEnd ?? 2);
  const reserve = options.reserveAfter ?? 0;
  const restHeight = (from: number) => heights.slice(from).reduce((sum, height) => sum + height, 0);

  rows.forEach((row, index) => {
    const height = heights[index] ?? 0;
    let topOfPage = false;
    const tail = index === Math.max(0, keepFrom) && reserve > 0 && y + restHeight(index) + reserve > contentBottom(doc);
    if (y + height > contentBottom(doc) || (tail && index > 0)) {
      newPage();
      topOfPage = true;
    }
    ruleRow(y, height, style.stripeFill && index % 2 === 1 ? style.stripeFill : null);
    if (!topOfPage && index > 0 && options.separator?.(row, rows[index - 1])) {
      doc
        .lineWidth(style.lineWidth * 3)
        .moveTo(left, y)
        .lineTo(left + tableWidth, y)
        .stroke();
    }
    let x = left;
    for (const column of columns) {
      const box = { x, y, width: column.width, height };
      doc.font(column.bold?.(row, index) ? FONT.bold : FONT.regular).fontSize(style.fontSize);
      cellText(column.text?.(row, index) ?? '', column, box);
      column.draw?.(doc, row, index, box);
      x += column.width;
    }
    y += height;
  });

  doc.x = doc.page.margins.left;
  doc.y = y;
}
