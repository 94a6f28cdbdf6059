import { useTranslation } from 'react-i18next';
import { PROFILE_FIELDS, type ProfileAnswers, type ProfileVersion } from './implementationApi';

/** An answer as text: a choice's words, a list of choices, or the note written. */
export function answerText(
  t: (key: string) => string,
  field: keyof ProfileAnswers,
  answers: ProfileAnswers,
): string {
  const value = answers[field];
  const word = (v: string) => t(`implementation.profile.values.${field}.${v}`);
  if (Array.isArray(value)) return value.map(word).join(', ') || t('implementation.none');
  if (field === 'strategy' || field === 'workflows' || field === 'anchoredIn') {
    return word(String(value));
  }
  return value ? String(value) : t('implementation.none');
}

/** Every saved version, newest first: who saved it and when, what changed, and its answers. */
export function ProfileVersions({ versions }: { versions: ProfileVersion[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="implementation-profile-versions">
      <h2 id="implementation-profile-versions">{t('implementation.profile.versions')}</h2>
      {versions.length === 0 && <p>{t('implementation.profile.noVersions')}</p>}
      {versions.map((version) => (
        <details key={version.number} className="details">
          <summary className="details-summary">
            {t('implementation.profile.version', {
              number: version.number,
              date: new Date(version.savedAt).toLocaleDateString('da-DK'),
              name: version.savedBy.name,
            })}
          </summary>
          <div className="details-text">
            <p>
              {version.number === 1
                ? t('implementation.profile.first')
                : t('implementation.profile.changed', {
                    fields:
                      version.changed
                        .map((f) => t(`implementation.profile.questions.${f}`))
                        .join('; ') || t('implementation.none'),
                  })}
            </p>
            <dl>
              {PROFILE_FIELDS.map((field) => (
                <div key={field}>
                  <dt>{t(`implementation.profile.questions.${field}`)}</dt>
                  <dd>{answerText(t, field, version.answers)}</dd>
                </div>
              ))}
            </dl>
          </div>
        </details>
      ))}
    </section>
  );
}
