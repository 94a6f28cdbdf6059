import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  LOGO_MAX_BYTES,
  type Logo,
  type LogoChange,
} from '../../../../server/modules/inquiries/schema-logo.ts';
import i18n from '../../app/i18n';
import { apiGet, apiSend } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import {
  checkChosenFile,
  FileInput,
  Form,
  MutationFailure,
  SuccessMessage,
  useZodForm,
} from '../../ui/form';

/**
 * The municipality's logo for the letterhead of its documents (issue 12 part 6), on the settings
 * page: the current logo as a preview, a file field for a new PNG or JPEG of at most 200 kB, and
 * "Fjern logo". The server decides the type from the file's bytes and says so on the field.
 */
export const LOGO_QUERY_KEY = ['admin', 'municipality-logo'] as const;

/** The form's one value: the chosen file as base64 ('' before one is chosen) and its size. */
interface LogoValues {
  image: string;
  bytes: number;
}

export const LogoFormSchema = z
  .custom<LogoValues>(() => true)
  .superRefine((values, ctx) =>
    checkChosenFile(values.image, values.bytes, ctx, {
      name: 'image',
      maxBytes: LOGO_MAX_BYTES,
      chooseMessage: i18n.t('admin.logo.chooseFile'),
      tooLargeMessage: i18n.t('admin.logo.tooLarge', { maxKb: LOGO_MAX_BYTES / 1024 }),
    }),
  );

const saveLogo = (body: LogoChange) =>
  apiSend<Logo>('PUT', '/api/municipality-settings/logo', body);

function LogoFileField() {
  const { t } = useTranslation();
  return (
    <FileInput
      name="image"
      sizeName="bytes"
      label={t('admin.logo.file')}
      hint={t('admin.logo.fileHint', { maxKb: LOGO_MAX_BYTES / 1024 })}
      accept="image/png,image/jpeg"
    />
  );
}

interface LogoViewProps {
  stored: Logo;
  /** The logo was just saved (or removed) as this version. */
  saved: boolean;
  onSaved: (version: number) => void;
  reload: () => Promise<unknown>;
}

export function LogoView({ stored, saved, onSaved, reload }: LogoViewProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(LogoFormSchema, { defaultValues: { image: '', bytes: 0 } });
  const save = useMutation({
    mutationFn: (image: string | null) => saveLogo({ version: stored.version, image }),
    onSuccess: (logo) => {
      onSaved(logo.version);
      queryClient.setQueryData(LOGO_QUERY_KEY, logo);
    },
  });
  const logo = stored.logo;
  return (
    <>
      {saved && !save.error && (
        <SuccessMessage>{logo ? t('admin.logo.saved') : t('admin.logo.removed')}</SuccessMessage>
      )}
      <MutationFailure mutations={save} onReload={reload} />
      {logo ? (
        <div className="admin-logo-current">
          <img src={logo.dataUrl} alt={t('admin.logo.previewAlt')} className="admin-logo-preview" />
          <p className="form-hint">
            {t('admin.logo.current', { kb: Math.max(1, Math.round(logo.bytes / 1024)) })}
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(null)}
          >
            {t('admin.logo.remove')}
          </button>
        </div>
      ) : (
        <p>{t('admin.logo.none')}</p>
      )}
      <Form
        id="logo"
        form={form}
        onSubmit={(values) => save.mutateAsync(values.image)}
        error={save.error}
        errorTitle={t('admin.logo.failedTitle')}
      >
        <LogoFileField />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('admin.common.saving') : t('admin.logo.upload')}
        </button>
      </Form>
    </>
  );
}

/** "Logo på dokumenter": its own part of the settings page. */
export function LogoSettings() {
  const { t } = useTranslation();
  const headingId = useId();
  // Kept here: saving changes the version, which starts the view afresh.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const logo = useQuery({
    queryKey: LOGO_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<Logo>('/api/municipality-settings/logo', { signal }),
    refetchOnMount: 'always',
  });
  return (
    <section aria-labelledby={headingId} className="admin-logo">
      <h3 id={headingId}>{t('admin.logo.title')}</h3>
      <p>{t('admin.logo.intro')}</p>
      <QueryState
        query={logo}
        loading={t('admin.logo.loading')}
        loadError={t('admin.logo.loadError')}
      >
        {(stored) => (
          <LogoView
            key={stored.version}
            stored={stored}
            saved={savedVersion === stored.version}
            onSaved={setSavedVersion}
            reload={() => logo.refetch()}
          />
        )}
      </QueryState>
    </section>
  );
}
