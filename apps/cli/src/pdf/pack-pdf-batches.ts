/**
 * @module Print-ready ballot packs in batches: `packs-0001.pdf`, `packs-0002.pdf`, … with
 * up to `batchSize` members each, streamed to disk page by page (PDFKit writes each page out as
 * the next begins), so 160,000 packs never sit in memory.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { type PageFonts, drawPackPage } from './pack-page.ts';
import type { PackElection, PackSheet } from './pack-sheet.ts';
import { printableText } from './printable-text.ts';

export interface PackPdfOptions {
  readonly directory: string;
  readonly batchSize?: number;
  /** A TrueType/OpenType font with the characters of every name (default: the standard fonts, Windows-1252). */
  readonly fontPath?: string;
  readonly boldFontPath?: string;
}

const STANDARD_FONTS: PageFonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  mono: 'Courier',
  monoBold: 'Courier-Bold',
  printable: printableText,
};

export class PackPdfWriter {
  readonly #election: PackElection;
  readonly #options: Required<Pick<PackPdfOptions, 'directory' | 'batchSize'>> & PackPdfOptions;
  readonly #files: string[] = [];
  #doc: PDFKit.PDFDocument | null = null;
  #out: WriteStream | null = null;
  #inBatch = 0;
  #pages = 0;

  constructor(election: PackElection, options: PackPdfOptions) {
    this.#election = election;
    this.#options = { ...options, batchSize: options.batchSize ?? 500 };
    if (!Number.isSafeInteger(this.#options.batchSize) || this.#options.batchSize < 1)
      throw new RangeError('batch size must be ≥ 1');
    mkdirSync(options.directory, { recursive: true });
  }

  get files(): readonly string[] {
    return this.#files;
  }

  get packs(): number {
    return this.#pages;
  }

  #fonts(doc: PDFKit.PDFDocument): PageFonts {
    const { fontPath, boldFontPath } = this.#options;
    if (fontPath === undefined) return STANDARD_FONTS;
    doc.registerFont('unicode', fontPath);
    doc.registerFont('unicode-bold', boldFontPath ?? fontPath);
    return {
      regular: 'unicode',
      bold: 'unicode-bold',
      mono: 'Courier',
      monoBold: 'Courier-Bold',
      printable: (text) => text,
    };
  }

  #open(): PDFKit.PDFDocument {
    const path = join(
      this.#options.directory,
      `packs-${String(this.#files.length + 1).padStart(4, '0')}.pdf`
    );
    const doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      autoFirstPage: false,
      compress: true,
      info: {
        Title: `${this.#election.title}: ballot packs`,
        Author: this.#election.organisation,
        Creator: 'scrutineer packs',
      },
    });
    this.#out = createWriteStream(path);
    doc.pipe(this.#out);
    this.#files.push(path);
    this.#doc = doc;
    this.#inBatch = 0;
    return doc;
  }

  /** Adds one member's pack, starting a new file when the batch is full. */
  async add(sheet: PackSheet): Promise<void> {
    if (this.#doc === null || this.#inBatch === this.#options.batchSize) {
      await this.#finishFile();
      this.#open();
    }
    const doc = this.#doc as PDFKit.PDFDocument;
    doc.addPage({ size: 'A4', margin: 0 });
    drawPackPage(doc, this.#fonts(doc), this.#election, sheet);
    this.#inBatch++;
    this.#pages++;
    // Let the file stream catch up: PDFKit pushes pages without waiting for the disk.
    if ((doc as unknown as { readableLength: number }).readableLength > 8 * 1024 * 1024)
      await once(this.#out as WriteStream, 'drain');
    if (this.#pages % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  async #finishFile(): Promise<void> {
    if (this.#doc === null || this.#out === null) return;
    const out = this.#out;
    const finished = once(out, 'finish');
    this.#doc.end();
    await finished;
    this.#doc = null;
    this.#out = null;
  }

  /** Ends the last file; returns every file written. */
  async close(): Promise<readonly string[]> {
    await this.#finishFile();
    return this.#files;
  }
}
