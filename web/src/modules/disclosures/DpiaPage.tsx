import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dpia } from '../../../../server/modules/processing-record/dpia-schema.ts';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { apiGet } from '../../app/api';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';

/**
 * "Konsekvensanalyse (DPIA)" (/indsigt/konsekvensanalyse, issue 13 part 10) for the
 * data-protection role (`abilities.dataProtection.dpia`): the template the server builds from
 * what the code enforces — the processing, necessity and proportionality, each risk with the
 * product's measures and the blanks the municipality fills in — and its PDF to download.
 */
export function DpiaPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.dataProtection.dpia) return <AccessDeniedPage />;
  return <Assessment />;
}

function Assessment() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('disclosures.dpia.title'));
  const query = useQuery({
    queryKey: ['dpia', i18n.language],
    queryFn: ({ signal }) => apiGet<Dpia>('/api/admin/dpia', { signal }),
  });
  return (
    <>
      <PageHeading>{t('disclosures.dpia.title')}</PageHeading>
      <p className="font-lead">{t('disclosures.dpia.intro')}</p>
      <p>
        <a href="/api/admin/dpia.pdf" download>
          {t('disclosures.dpia.pdf')}
        </a>
      </p>
      <QueryState
        query={query}
        loading={t('disclosures.dpia.loading')}
        loadError={t('disclosures.dpia.loadError')}
      >
        {(d) => (
          <>
            <Section title={t('disclosures.dpia.processing')}>
              <p>{d.description}</p>
              <p>{d.processing.controller}</p>
              <ul>
                {d.processing.purposes.map((e) => (
                  <li key={e.code}>{e.text}</li>
                ))}
              </ul>
              <h3>{t('disclosures.dpia.categories')}</h3>
              <ul>
                {d.processing.categories.map((e) => (
                  <li key={e.code}>{e.text}</li>
                ))}
              </ul>
            </Section>
            <Section title={t('disclosures.dpia.necessity')}>
              <ul>
                {d.necessity.map((e) => (
                  <li key={e.code}>{e.text}</li>
                ))}
              </ul>
            </Section>
            <Section title={t('disclosures.dpia.risks')}>
              {d.risks.map((risk) => (
                <article key={risk.code} className="mb-6">
                  <h3>{risk.text}</h3>
                  <p>{t('disclosures.dpia.measures')}</p>
                  <ul>
                    {risk.measures.map((m) => (
                      <li key={m.code}>
                        {m.text}
                        {!m.enforced && <strong> ({t('disclosures.dpia.notEnforced')})</strong>}
                      </li>
                    ))}
                  </ul>
                  <dl>
                    {d.riskBlanks.map((b) => (
                      <div key={b.code}>
                        <dt>{b.text}</dt>
                        <dd>{t('disclosures.dpia.blank')}</dd>
                      </div>
                    ))}
                  </dl>
                </article>
              ))}
            </Section>
            <Section title={t('disclosures.dpia.conclusion')}>
              <dl>
                {d.signOff.map((b) => (
                  <div key={b.code}>
                    <dt>{b.text}</dt>
                    <dd>{t('disclosures.dpia.blank')}</dd>
                  </div>
                ))}
              </dl>
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
