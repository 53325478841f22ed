/**
 * @module Code 128 barcodes drawn as vectors into a PDF (ISO/IEC 15417, encoded by bwip-js, which
 * chooses code sets and the check character). Used for the pack id on the paper ballot, which a
 * postal-returns desk scans; the bars are rectangles, so they print sharp at any resolution.
 */
import bwipjs from 'bwip-js';
import type { QrDrawing } from './qr-code.ts';

/** Bar and space widths in modules, bar first, including start, check and stop characters. */
export function code128Widths(text: string): number[] {
  const [encoded] = bwipjs.raw('code128', text, {}) as { sbs?: number[] }[];
  if (encoded?.sbs === undefined) throw new Error(`code128: cannot encode ${JSON.stringify(text)}`);
  return encoded.sbs;
}

/**
 * Draws the Code 128 barcode of `text` in the box at (x, y) of `width` × `height` points, with the
 * 10-module quiet zone on each side that scanners need inside the box.
 */
export function drawCode128(
  doc: QrDrawing,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number
): void {
  const widths = code128Widths(text);
  const modules = widths.reduce((sum, w) => sum + w, 0) + 20;
  const module = width / modules;
  let position = x + 10 * module;
  doc.save();
  widths.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(position, y, w * module, height);
    position += w * module;
  });
  doc.fill('#000000');
  doc.restore();
}
