import PDFDocument from 'pdfkit';
import { translate, type Locale } from './i18n/index.ts';
import { FONT, registerFonts } from './pdf-fonts.ts';
import type { PurposeLimit } from '../../shared/sharing.ts';

/**
 * The one layout of every server-side document (case summaries for handover, action plans for
 * the citizen, and the documents later issues add): a letterhead with the municipality's name,
 * the document's title, case number, date and the case's coordinator as contact person; page
 * numbers ("Side 2 af 5") and a running header as artifacts a screen reader skips; IBM Plex Sans
 * embedded (pdf-fonts.ts). The PDF is tagged: headings, paragraphs and lists are structure
 * elements in reading order, the document's language is set and the reader shows the title.
 * Callers pass text that is already translated; this module only lays it out. The metadata never
 * carries personal data: the title is a document name and the case reference.
 */

export interface DocumentContact {
  name: string;
  unit: string | null;
  email: string | null;
}

export interface DocumentMeta {
  language: Locale;
  /** The metadata title and running header, e.g. "Sagsresumé S-2026-0001" (no personal data). */
  documentTitle: string;
  /** The main heading on the first page. */
  heading: string;
  reference: string;
  municipality: string;
  /** The case's coordinator; null when the case has none. */
  contact: DocumentContact | null;
  /** The document's date (when it is printed). */
  date: Date;
  /** The municipality's logo (PNG or JPEG, see `isDrawableImage`), drawn in the letterhead. */
  logo?: Buffer | null;
  /**
   * The purpose the reader is bound to (a police user under retsplejeloven § 115): stated under
   * the letterhead and repeated at the foot of every page, so no page leaves without it.
   */
  purposeLimit?: PurposeLimit | null;
  /** A document for the archive (arkiveringsversion): written as PDF/A-2a (pdfkit's PDF/A mode). */
  archival?: boolean;
}

export interface PdfWriter {
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
  /** Lines to sign on, one block per party: the role, the name (printed), date and signature. */
  signatures(parties: readonly { role: string; name: string | null }[]): PdfWriter;
  /** Ends the document (page numbers on every page) and returns its bytes. */
  done(): Promise<Buffer>;
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#004993';
const MARGIN = 56;
/** The logo is scaled to fit this box in the letterhead's right-hand corner (points). */
const LOGO_BOX: [number, number] = [150, 42];

/**
 * Whether pdfkit can draw the bytes as an image (a PNG or JPEG it can decode). The caller has
 * already checked the magic bytes; this catches a file that only starts like one.
 */
export function isDrawableImage(bytes: Buffer): boolean {
  try {
    new PDFDocument({ autoFirstPage: true }).image(bytes, 0, 0, { fit: LOGO_BOX });
    return true;
  } catch {
    return false;
  }
}

/** A date as the reader's language writes it: "5. december 2026"; a bare date as the calendar day. */
export function documentDate(locale: Locale, value: Date | string): string {
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
    timeZone: typeof value === 'string' ? 'UTC' : 'Europe/Copenhagen',
  }).format(date);
}

export function createDocument(meta: DocumentMeta): PdfWriter {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(meta.language, `document.${key}`, params);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    info: { Title: meta.documentTitle, Producer: 'Tovholder', Creator: 'Tovholder' },
    lang: meta.language === 'da' ? 'da-DK' : 'en-GB',
    pdfVersion: '1.7',
    ...(meta.archival && { subset: 'PDF/A-2a' as const }),
    displayTitle: true,
    tagged: true,
    bufferPages: true,
    autoFirstPage: true,
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - MARGIN * 2;

  const block = (
    type: string,
    value: string,
    style: { font: string; size: number; color?: string; gap?: number },
  ) => {
    doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? INK)
      .text(value, { width, paragraphGap: style.gap ?? 4, structParent: root, structType: type });
  };
  /** Decoration a screen reader skips (rules, running header, page numbers). */
  const artifact = (draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') => {
    doc.markContent('Artifact', { type });
    draw();
    doc.endMarkedContent();
  };
  const rule = () =>
    artifact(() => {
      const y = doc.y + 2;
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + width, y)
        .lineWidth(0.75)
        .strokeColor('#b0b0b0')
        .stroke();
      doc.y = y + 8;
    });
  /** A new page first when less than `points` are left on this one. */
  const keep = (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };

  const writer: PdfWriter = {
    heading(value) {
      doc.moveDown(0.6);
      keep(60);
      block('H2', value, { font: FONT.bold, size: 13, gap: 6 });
      return writer;
    },
    subheading(value) {
      doc.moveDown(0.3);
      keep(40);
      block('H3', value, { font: FONT.bold, size: 11, gap: 3 });
      return writer;
    },
    paragraph(value) {
      block('P', value, { font: FONT.regular, size: 10.5 });
      return writer;
    },
    field(label, value) {
      doc
        .font(FONT.bold)
        .fontSize(10.5)
        .fillColor(INK)
        .text(`${label}: `, { width, continued: true, structParent: root, structType: 'P' })
        .font(FONT.regular)
        .text(value && value.length > 0 ? value : '–', { paragraphGap: 3 });
      return writer;
    },
    list(items, empty) {
      if (items.length === 0) return writer.paragraph(empty);
      const list = doc.struct('L');
      root.add(list);
      doc.font(FONT.regular).fontSize(10.5).fillColor(INK);
      doc.list([...items], { width, bulletRadius: 2, paragraphGap: 3, structParent: list });
      list.end();
      doc.moveDown(0.3);
      return writer;
    },
    note(value) {
      block('P', value, { font: FONT.regular, size: 8.5, color: MUTED });
      return writer;
    },
    space(lines = 1) {
      doc.moveDown(lines);
      return writer;
    },
    signatures(parties) {
      writer.heading(t('signatures'));
      for (const party of parties) {
        keep(110);
        block('H3', party.role, { font: FONT.bold, size: 11, gap: 6 });
        for (const [label, filled] of [
          [t('signatureName'), party.name],
          [t('signatureDate'), null],
          [t('signature'), null],
        ] as const) {
          const top = doc.y;
          block('P', filled ? `${label}: ${filled}` : `${label}:`, {
            font: FONT.regular,
            size: 10.5,
            gap: 0,
          });
          if (!filled) {
            artifact(() => {
              const y = top + 12;
              doc
                .moveTo(MARGIN + 90, y)
                .lineTo(MARGIN + 330, y)
                .lineWidth(0.75)
                .strokeColor(INK)
                .stroke();
            });
          }
          doc.moveDown(0.9);
        }
        doc.moveDown(0.4);
      }
      return writer;
    },
    done() {
      root.end();
      pageFurniture();
      doc.end();
      return finished;
    },
  };

  /** The running header (from page 2) and "Side N af M" on every page, as artifacts. */
  const pageFurniture = () => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // text in the margin must not start a new page
      artifact(() => {
        doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED);
        if (i > range.start) {
          doc.text(`${meta.municipality} · ${meta.documentTitle}`, MARGIN, MARGIN - 20, {
            width,
            lineBreak: false,
          });
        }
        const y = doc.page.height - MARGIN + 8;
        if (meta.purposeLimit) {
          doc.text(t(`purposeLimit.${meta.purposeLimit}.short`), MARGIN, y - 12, {
            width,
            lineBreak: false,
          });
        }
        doc.text(meta.documentTitle, MARGIN, y, { width, lineBreak: false });
        doc.text(t('page', { page: i - range.start + 1, pages: range.count }), MARGIN, y, {
          width,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      doc.page.margins.bottom = bottom;
    }
  };

  // The letterhead: the logo and the municipality, the title, then case number, date and
  // contact person. The logo is decoration (the name is there as text): an artifact.
  if (meta.logo) {
    const logo = meta.logo;
    artifact(() => {
      doc.image(logo, MARGIN + width - LOGO_BOX[0], MARGIN - 10, { fit: LOGO_BOX, align: 'right' });
    });
  }
  doc.y = MARGIN - 6;
  block('P', meta.municipality, { font: FONT.bold, size: 14, color: ACCENT, gap: 2 });
  if (meta.logo) doc.y = Math.max(doc.y, MARGIN - 10 + LOGO_BOX[1] + 4); // the rule under it
  rule();
  block('H1', meta.heading, { font: FONT.bold, size: 18, gap: 8 });
  writer.field(t('reference'), meta.reference);
  writer.field(t('date'), documentDate(meta.language, meta.date));
  writer.field(
    t('contact'),
    meta.contact
      ? [meta.contact.name, meta.contact.unit, meta.contact.email].filter(Boolean).join(', ')
      : t('noContact'),
  );
  if (meta.purposeLimit) {
    block('P', t(`purposeLimit.${meta.purposeLimit}.full`), { font: FONT.bold, size: 10, gap: 2 });
  }
  rule();
  return writer;
}
