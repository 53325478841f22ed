/**
 * @module QR codes drawn as vectors into a PDF (ISO/IEC 18004 via the `qrcode` package, which picks
 * the version and the densest mode: upper-case codes and roll references fit the alphanumeric
 * mode). Each run of dark modules in a row is one rectangle, all filled at once: sharp at any
 * printer resolution, and about a kilobyte a code.
 */
import QRCode from 'qrcode';

export interface QrDrawing {
  rect(x: number, y: number, width: number, height: number): unknown;
  fill(color?: string): unknown;
  save(): unknown;
  restore(): unknown;
}

/** ISO/IEC 18004 §7.4.4: the 45 characters of the alphanumeric mode. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** The module matrix of `text`: `size` × `size`, dark[row * size + column]. */
export function qrModules(
  text: string,
  errorCorrection: QrErrorCorrection
): { size: number; dark: Uint8Array } {
  // Text that is all alphanumeric-mode characters is one segment: the library's segment search
  // (a shortest-path over mode switches) would find the same and costs more than the rest.
  const data = ALPHANUMERIC.test(text) ? [{ data: text, mode: 'alphanumeric' as const }] : text;
  const qr = QRCode.create(data, { errorCorrectionLevel: errorCorrection });
  return { size: qr.modules.size, dark: qr.modules.data };
}

/**
 * Draws the QR code of `text` with its top-left corner at (x, y), `width` points wide including
 * the 4-module quiet zone the standard requires around it.
 */
export function drawQrCode(
  doc: QrDrawing,
  text: string,
  x: number,
  y: number,
  width: number,
  errorCorrection: QrErrorCorrection = 'M'
): void {
  const { size, dark } = qrModules(text, errorCorrection);
  const module = width / (size + 8);
  const left = x + 4 * module;
  const top = y + 4 * module;
  doc.save();
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (dark[row * size + column] !== 1) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && dark[row * size + column] === 1) column++;
      // A hair of overlap keeps anti-aliased viewers from showing seams between rows.
      doc.rect(left + start * module, top + row * module, (column - start) * module, module * 1.02);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
