import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PROFILE_FIELDS, type ProfileAnswers, type ProfileVersion } from './implementationApi';

/** An answer as text: a choice's words, a list of choices, or the note written. */
export function answerText(
  t: TFunction,
  field: keyof ProfileAnswers,
  answers: ProfileAnswers,
): string {
  const none = t('implementation.none');
  switch (field) {
    case 'strategy':
      return t(`implementation.profile.values.strategy.${answers.strategy}`);
    case 'workflows':
      return t(`implementation.profile.values.workflows.${answers.workflows}`);
    case 'anchoredIn':
      return t(`implementation.profile.values.anchoredIn.${answers.anchoredIn}`);
    case 'actors':
      return (
        answers.actors.map((a) => t(`implementation.profile.values.actors.${a}`)).join(', ') || none
      );
    case 'groups':
      return (
        answers.groups.map((g) => t(`implementation.profile.values.groups.${g}`)).join(', ') || none
      );
    default:
      return answers[field] ?? none;
  }
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
                      (version.changed as (keyof ProfileAnswers)[])
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
