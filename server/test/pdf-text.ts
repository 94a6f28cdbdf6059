import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader gives it, for tests that look for words in a document: read with
 * pdfjs (the engine of Firefox's PDF viewer), so text in an embedded, subset font comes out as
 * the letters a reader sees (æ, ø, å, →). Each page's text lines are joined with line breaks,
 * pages in order; the document's title (metadata) comes first.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const task = getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const lines: string[] = [];
    const meta = await document.getMetadata();
    const info = meta.info as { Title?: unknown };
    if (typeof info.Title === 'string') lines.push(info.Title);
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
    }
    return lines.join('\n');
  } finally {
    await task.destroy();
  }
}

/** The raw catalog entries of a PDF that say it is tagged (for accessibility tests). */
export function pdfTagging(pdf: Buffer): { marked: boolean; structTree: boolean; lang: boolean } {
  const raw = pdf.toString('latin1');
  return {
    marked:
      /\/MarkInfo\s*(<<\s*\/Marked\s+true\s*>>|\d+ 0 R)/.test(raw) && /\/Marked\s+true/.test(raw),
    structTree: /\/StructTreeRoot\s+\d+ 0 R/.test(raw),
    lang: /\/Lang\s*\(/.test(raw),
  };
}
