import PDFDocument from 'pdfkit';

/**
 * Server-side PDF documents (action plans for the citizen, case summaries for handover), built
 * with pdfkit's standard Helvetica, which covers Danish letters. Callers pass text that is
 * already translated (server/platform/i18n); this module only lays it out. A document never
 * carries personal data in its metadata: the title is the case reference and a document name.
 */
export interface PdfWriter {
  /** The document's main heading. */
  title(text: string): PdfWriter;
  heading(text: string): PdfWriter;
  subheading(text: string): PdfWriter;
  paragraph(text: string): PdfWriter;
  /** A label and its value on one line (the value wraps); an empty value prints a dash. */
  field(label: string, value: string | null | undefined): PdfWriter;
  /** A bulleted list; an empty list prints `empty` instead. */
  list(items: readonly string[], empty: string): PdfWriter;
  /** Small grey text, e.g. "printed by … at …". */
  note(text: string): PdfWriter;
  space(lines?: number): PdfWriter;
  /** Ends the document and returns its bytes. */
  done(): Promise<Buffer>;
}

export function createPdf(meta: { title: string; language: 'da' | 'en' }): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: meta.title, Producer: 'Tovholder', Creator: 'Tovholder' },
    lang: meta.language,
    pdfVersion: '1.7',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, font: string, size: number, color = '#000000', gap = 4) => {
    doc.font(font).fontSize(size).fillColor(color).text(value, { width, paragraphGap: gap });
  };

  const writer: PdfWriter = {
    title(value) {
      text(value, 'Helvetica-Bold', 18, '#000000', 10);
      return writer;
    },
    heading(value) {
      doc.moveDown(0.6);
      text(value, 'Helvetica-Bold', 13, '#000000', 6);
      return writer;
    },
    subheading(value) {
      doc.moveDown(0.3);
      text(value, 'Helvetica-Bold', 11, '#000000', 3);
      return writer;
    },
    paragraph(value) {
      text(value, 'Helvetica', 10.5);
      return writer;
    },
    field(label, value) {
      doc
        .font('Helvetica-Bold')
        .fontSize(10.5)
        .fillColor('#000000')
        .text(`${label}: `, { width, continued: true })
        .font('Helvetica')
        .text(value && value.length > 0 ? value : '–', { paragraphGap: 3 });
      return writer;
    },
    list(items, empty) {
      if (items.length === 0) return writer.paragraph(empty);
      doc.font('Helvetica').fontSize(10.5).fillColor('#000000');
      doc.list([...items], { width, bulletRadius: 2, paragraphGap: 3 });
      doc.moveDown(0.3);
      return writer;
    },
    note(value) {
      text(value, 'Helvetica', 8.5, '#555555');
      return writer;
    },
    space(lines = 1) {
      doc.moveDown(lines);
      return writer;
    },
    done() {
      doc.end();
      return finished;
    },
  };
  return writer;
}
