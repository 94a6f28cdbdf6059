import type { DataCategory, OrganisationKind, SharingUse } from '../../../shared/sharing.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, documentDate, type DocumentContact } from '../../platform/pdf-layout.ts';

/**
 * The consent form to print and sign (docs/CONSENT.md), in the shared document layout with the
 * municipality's letterhead: whom it is about and who gives it, the purpose, the uses, the
 * categories of information (the concern in the form's own neutral words: the form is printed by
 * members without the compartment and may lie on a kitchen table), the recipients, the period,
 * the right to withdraw it at any time with immediate effect, and a signature block for each
 * signer. Names appear only in the form itself, never in its metadata or file name.
 */
export interface ConsentFormInput {
  locale: Locale;
  reference: string;
  personName: string;
  /** The custody holders who give the consent (a child's); empty when the person gives it. */
  custodyHolders: string[];
  purpose: string;
  uses: SharingUse[];
  categories: DataCategory[];
  organisations: { name: string; kind: OrganisationKind }[];
  organisationKinds: OrganisationKind[];
  validFrom: string;
  validTo: string | null;
  now: Date;
  letterhead: { municipality: string; contact: DocumentContact | null; logo?: Buffer | null };
}

export async function consentFormPdf(input: ConsentFormInput): Promise<Buffer> {
  const { locale, reference, letterhead } = input;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `consentForm.${key}`, params);
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { reference }),
    heading: t('title'),
    reference,
    municipality: letterhead.municipality,
    contact: letterhead.contact,
    logo: letterhead.logo,
    date: input.now,
  });
  const byCustody = input.custodyHolders.length > 0;
  pdf.paragraph(
    byCustody
      ? t('introCustody', { municipality: letterhead.municipality, child: input.personName })
      : t('intro', { municipality: letterhead.municipality }),
  );
  pdf.field(t('about'), input.personName);
  if (byCustody) pdf.field(t('givenBy'), input.custodyHolders.join(', '));
  pdf.heading(t('purposeHeading'));
  pdf.paragraph(input.purpose);
  pdf.heading(t('usesHeading'));
  pdf.list(
    input.uses.map((u) => t(`uses.${u}`)),
    '–',
  );
  pdf.heading(t('categoriesHeading'));
  pdf.list(
    input.categories.map((c) => t(`categories.${c}`)),
    t('none'),
  );
  pdf.heading(t('recipientsHeading'));
  pdf.list(
    [
      ...input.organisations.map((o) => `${o.name} (${t(`kinds.${o.kind}`)})`),
      ...input.organisationKinds.map((k) => t('anyOfKind', { kind: t(`kinds.${k}`) })),
    ],
    t('none'),
  );
  pdf.heading(t('periodHeading'));
  pdf.paragraph(
    input.validTo
      ? t('period', {
          from: documentDate(locale, input.validFrom),
          to: documentDate(locale, input.validTo),
        })
      : t('periodOpen', { from: documentDate(locale, input.validFrom) }),
  );
  pdf.heading(t('withdrawHeading'));
  pdf.paragraph(t('withdraw'));
  pdf.space();
  pdf.signatures(
    byCustody
      ? input.custodyHolders.map((name) => ({ role: t('signerCustody'), name }))
      : [{ role: t('signerPerson'), name: input.personName }],
  );
  pdf.space();
  pdf.note(t('returnNote'));
  return pdf.done();
}
