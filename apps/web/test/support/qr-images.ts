/**
 * @module Test images of a pack's QR code (the voting code as printed, as apps/cli draws it): a PNG
 * for the photo picker, and a Y4M video for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): the QR code on white, in grey levels, 640×480, 4:2:0.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';

export async function writeQrPng(directory: string, text: string): Promise<string> {
  const path = join(directory, 'pack-qr.png');
  await QRCode.toFile(path, text, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return path;
}

export function writeQrY4m(directory: string, text: string): string {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = Math.floor(400 / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++) {
      if (!qr.modules.get(row, column)) continue;
      for (let y = 0; y < scale; y++)
        luma.fill(
          16,
          (top + row * scale + y) * width + left + column * scale,
          (top + row * scale + y) * width + left + (column + 1) * scale
        );
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const path = join(directory, 'pack-qr.y4m');
  writeFileSync(path, Buffer.concat([header, frame, frame]));
  return path;
}
