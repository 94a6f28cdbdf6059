import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, documentDate } from '../../platform/pdf-layout.ts';
import type { AccessItem, AccessRequest } from './schema.ts';

/** The package's reference in the letterhead: the request's short id (no personal data). */
export function packageReference(id: string): string {
  return `AI-${id.slice(0, 8).toUpperCase()}`;
}

/**
 * The released package as one PDF in the shared document layout (letterhead with the
 * municipality and its logo, "side N af M"): a table of contents, then each released item with
 * its lines, a redacted line replaced by a marked blank with its exemption (and a redacted item
 * titled by its kind alone). Withheld items are
 * left out — not even their titles appear; the table of contents says how many were withheld
 * and why (by exemption), as the citizen is entitled to know that something was left out. No
 * employee is named: the contact is the municipality, not a person.
 */
export async function packagePdf(
  request: AccessRequest,
  meta: { municipality: string; logo: Buffer | null; locale: Locale; now: Date },
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(meta.locale, `accessRequests.package.${key}`, params);
  const label = (key: string) => translate(meta.locale, `accessRequests.lines.${key}`);
  const exemption = (code: string) => translate(meta.locale, `accessRequests.exemptions.${code}`);
  const released = request.items.filter(
    (i): i is AccessItem => i.decision === 'release' || i.decision === 'redact',
  );
  const withheld = request.items.filter((i) => i.decision === 'withhold');
  // A redacted item's title names only its kind: its title repeats facts of its lines (the
  // reference, a disclosure's recipient) that the redaction may be hiding.
  const titleOf = (item: AccessItem) =>
    item.decision === 'redact' ? t(`redactedTitles.${item.source}`) : item.title;
  const pdf = createDocument({
    language: meta.locale,
    documentTitle: t('documentTitle', { reference: packageReference(request.id) }),
    heading: t('heading'),
    reference: packageReference(request.id),
    municipality: meta.municipality,
    contact: null,
    logo: meta.logo,
    date: meta.now,
  });
  pdf.paragraph(t(request.kind === 'party_access' ? 'introParty' : 'introDataSubject'));
  pdf.field(t('citizen'), request.person.name);
  pdf.field(t('receivedOn'), documentDate(meta.locale, request.receivedOn));
  pdf.heading(t('contents'));
  pdf.list(
    released.map((item, n) => `${n + 1}. ${titleOf(item)}`),
    t('nothingReleased'),
  );
  if (withheld.length > 0) {
    const byExemption = new Map<string, number>();
    for (const item of withheld) {
      const key = item.exemption ?? '';
      byExemption.set(key, (byExemption.get(key) ?? 0) + 1);
    }
    pdf.paragraph(t('withheldCount', { count: withheld.length }));
    pdf.list(
      [...byExemption].map(([code, count]) => `${exemption(code)} (${count})`),
      '',
    );
  }
  released.forEach((item, n) => {
    pdf.heading(`${n + 1}. ${titleOf(item)}`);
    const redacted = new Set(item.decision === 'redact' ? item.redactedLines : []);
    item.lines.forEach((line, i) => {
      pdf.field(
        label(line.label),
        redacted.has(i)
          ? t('redacted', { exemption: item.exemption ? exemption(item.exemption) : '' })
          : line.value,
      );
    });
    if (redacted.size > 0) pdf.note(t('redactedNote', { count: redacted.size }));
  });
  pdf.space();
  pdf.note(t('generated', { date: documentDate(meta.locale, meta.now) }));
  pdf.note(t('complaint'));
  return pdf.done();
}
