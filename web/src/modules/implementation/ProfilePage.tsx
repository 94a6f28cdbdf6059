import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { ProfileForm } from './ProfileForm';
import { ProfileVersions } from './ProfileVersions';
import { useProfile } from './implementationApi';

/**
 * The municipality's self-profile (/boligomraader/implementering/selvprofil), as the national
 * mapping of 2018 asked it: the organisation model from the organisation settings (shown, not
 * repeated), the form that saves a new version (coordinators), and every version with what
 * changed.
 */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <>
      <PageHeading>{t('implementation.profile.heading')}</PageHeading>
      <p className="font-lead">{t('implementation.profile.intro')}</p>
      <QueryState
        query={profile}
        loading={t('implementation.profile.loading')}
        loadError={t('implementation.profile.loadError')}
      >
        {(data) => (
          <>
            <p>
              {t('implementation.profile.model', {
                model: t(`implementation.profile.models.${data.organisationModel}`),
              })}
            </p>
            {data.abilities.edit && (
              <ProfileForm key={data.versions[0]?.number ?? 0} latest={data.versions[0] ?? null} />
            )}
            <ProfileVersions versions={data.versions} />
          </>
        )}
      </QueryState>
    </>
  );
}
