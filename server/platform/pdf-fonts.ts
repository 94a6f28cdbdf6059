import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The documents' font: IBM Plex Sans, the design system's typeface, embedded (a subset) in every
 * PDF so æ, ø, å, dashes and arrows (→) print as they should on any reader. The TrueType files
 * come with the `dkfds` package (a runtime dependency), found from where Node resolves it, so
 * the path is the same in development and in a production install (`npm ci --omit=dev`).
 */
export const FONT = { regular: 'Plex', bold: 'Plex-Bold' } as const;

const FILES: Record<keyof typeof FONT, string> = {
  regular: 'IBMPlexSans-Regular.ttf',
  bold: 'IBMPlexSans-Bold.ttf',
};

let loaded: Record<keyof typeof FONT, Buffer> | null = null;

/** The package's folder of TrueType files (dkfds exports only its script, so go up from it). */
export function fontDirectory(): string {
  const main = createRequire(import.meta.url).resolve('dkfds'); // <pkg>/dist/js/dkfds.min.js
  return join(dirname(main), '..', '..', 'src', 'fonts', 'IBMPlexSans', 'complete', 'ttf');
}

/** The font files' bytes, read once per process. */
export function fontData(): Record<keyof typeof FONT, Buffer> {
  if (!loaded) {
    const dir = fontDirectory();
    loaded = {
      regular: readFileSync(join(dir, FILES.regular)),
      bold: readFileSync(join(dir, FILES.bold)),
    };
  }
  return loaded;
}

/** Registers the fonts on a document under the names in `FONT`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const data = fontData();
  doc.registerFont(FONT.regular, data.regular);
  doc.registerFont(FONT.bold, data.bold);
}
