import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessingRecord } from '../../../../server/modules/processing-record/schema.ts';
import { apiGet } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../ui/QueryState';

const SECTIONS = [
  'purposes',
  'legalBases',
  'dataSubjects',
  'categories',
  'recipients',
  'retention',
  'security',
] as const;

/**
 * "Behandlingsfortegnelse" in the administration (issue 13 part 10): the municipality's record of
 * processing (GDPR art. 30) as the server builds it from what the code enforces and the
 * settings, in the reader's language, with the PDF to download. For the administrator and the
 * data-protection role (`abilities.admin.processingRecord`).
 */
export function ProcessingRecordPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('processingRecord.title'));
  const record = useQuery({
    queryKey: ['processing-record', i18n.language],
    queryFn: ({ signal }) => apiGet<ProcessingRecord>('/api/admin/processing-record', { signal }),
  });
  return (
    <>
      <h2>{t('processingRecord.title')}</h2>
      <p>{t('processingRecord.intro')}</p>
      <p>
        <a href="/api/admin/processing-record.pdf" download>
          {t('processingRecord.pdf')}
        </a>
      </p>
      <QueryState
        query={record}
        loading={t('processingRecord.loading')}
        loadError={t('processingRecord.loadError')}
      >
        {(r) => (
          <>
            <Section title={t('processingRecord.sections.controller')}>
              <p>{r.controller}</p>
            </Section>
            <Section title={t('processingRecord.sections.dataProtectionOfficer')}>
              <p>{r.dataProtectionOfficer.text}</p>
            </Section>
            {SECTIONS.map((s) => (
              <Section key={s} title={t(`processingRecord.sections.${s}`)}>
                <ul>
                  {r[s].map((e) => (
                    <li key={e.code}>{e.text}</li>
                  ))}
                </ul>
              </Section>
            ))}
            <Section title={t('processingRecord.sections.thirdCountries')}>
              <p>{r.thirdCountries}</p>
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
