import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import { ContactAttemptForm } from './ContactAttemptForm';
import { ContactBar } from './ContactBar';
import {
  useCitizenContact,
  type CitizenContact,
  type ContactAbilities,
  type ContactOwner,
} from './citizenMeetingsApi';
import { MeetingCard } from './MeetingCard';
import type { Colleague } from './people';
import { PreparationForm } from './PreparationForm';
import './citizenMeetings.css';

/**
 * "Kontakt og samtaler" on the case's overview and the inquiry's page (issue 15 parts 1–4): the
 * contact bar, the form for a new try, the meetings with the citizen and the form to prepare one.
 * Shown and acted on from the abilities the server sent for the record alone.
 */
export function ContactSection({
  owner,
  abilities,
  colleagues,
}: {
  owner: ContactOwner;
  abilities: ContactAbilities;
  colleagues: Colleague[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  const contact = useCitizenContact(owner, abilities.read);
  const [adding, setAdding] = useState<'attempt' | 'meeting' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!abilities.read) return null;

  return (
    <section aria-labelledby={headingId} className="case-section citizen-contact">
      <h2 id={headingId}>{t('citizenMeetings.heading')}</h2>
      <p>{t('citizenMeetings.intro')}</p>
      <QueryState
        query={contact}
        loading={t('citizenMeetings.loading')}
        loadError={t('citizenMeetings.loadError')}
      >
        {(data: CitizenContact) => (
          <>
            <h3>{t('citizenMeetings.bar.heading')}</h3>
            <ContactBar attempts={data.attempts} failedRun={data.failedRun} />
            {done && (
              <div id={doneId}>
                <SuccessMessage>{done}</SuccessMessage>
              </div>
            )}
            {abilities.write && adding !== 'attempt' && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAdding('attempt')}
              >
                {t('citizenMeetings.attempt.open')}
              </button>
            )}
            {abilities.write && adding === 'attempt' && (
              <>
                <h4>{t('citizenMeetings.attempt.heading')}</h4>
                <ContactAttemptForm
                  owner={owner}
                  colleagues={colleagues}
                  onDone={() => {
                    setAdding(null);
                    setDone(t('citizenMeetings.attempt.saved'));
                    focusAfterSave(doneId);
                  }}
                />
              </>
            )}
            <h3>{t('citizenMeetings.meetings.heading')}</h3>
            {data.meetings.length === 0 && <p>{t('citizenMeetings.meetings.empty')}</p>}
            {data.meetings.map((m) => (
              <MeetingCard
                key={`${m.id}-${m.version}`}
                owner={owner}
                meeting={m}
                abilities={abilities}
                colleagues={colleagues}
              />
            ))}
            {abilities.write && adding !== 'meeting' && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAdding('meeting')}
              >
                {t('citizenMeetings.meetings.prepare')}
              </button>
            )}
            {abilities.write && adding === 'meeting' && (
              <PreparationForm
                owner={owner}
                meeting={null}
                colleagues={colleagues}
                compartment={abilities.compartment}
                lastReflection={data.meetings.find((m) => m.reflection)?.reflection ?? null}
                onDone={() => {
                  setAdding(null);
                  setDone(t('citizenMeetings.fields.saved'));
                  focusAfterSave(doneId);
                }}
                onCancel={() => setAdding(null)}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
