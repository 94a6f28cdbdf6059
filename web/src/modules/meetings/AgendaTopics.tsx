import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddAgendaItemBody,
  ApplyTemplateBody,
} from '../../../../server/modules/meetings/agenda-schema.ts';
import {
  AGENDA_TEMPLATES,
  topicsMustBeAnonymous,
  type AgendaTemplate,
} from '../../../../shared/agenda.ts';
import { personalReferenceIn } from '../../../../shared/personal-references.ts';
import { Form, Select, SuccessMessage, TextArea, TextInput, useZodForm } from '../../ui/form';
import { addItem, applyTemplate, useAgendaChanged, type Agenda } from './agendaApi';

/** The topic form holds a title and a description; the rest of the body is the page's. */
const Topic = AddAgendaItemBody.pick({ title: true, description: true }).required({ title: true });

/** A free topic, and the playbook's templates (for the chair or a forum manager). */
export function AgendaTopics({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const changed = useAgendaChanged(agenda.meetingId);
  const anonymous = topicsMustBeAnonymous(agenda.forumKind);
  const form = useZodForm(
    anonymous
      ? Topic.superRefine((v, ctx) => {
          for (const field of ['title', 'description'] as const) {
            const found = v[field] ? personalReferenceIn(v[field]) : null;
            if (found) {
              ctx.addIssue({
                code: 'custom',
                path: [field],
                message: t(`agenda.topic.network_${found}`),
              });
            }
          }
        })
      : Topic,
    { defaultValues: { title: '', description: undefined } },
  );
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: { title: string; description?: string }) =>
      addItem(agenda.meetingId, agenda.meetingVersion, {
        id: crypto.randomUUID(),
        kind: 'topic',
        ...body,
      }),
    onSuccess: async (result, body) => {
      form.reset({ title: '', description: undefined });
      setAdded(body.title);
      await changed(result);
    },
  });
  return (
    <section aria-labelledby="agenda-topic" className="mt-8">
      <h2 id="agenda-topic">{t('agenda.topic.heading')}</h2>
      {anonymous && <p>{t('agenda.topic.anonymousHint')}</p>}
      {added && <SuccessMessage>{t('agenda.topic.added', { title: added })}</SuccessMessage>}
      <Form
        id="agenda-topic-form"
        form={form}
        onSubmit={(body) => {
          setAdded(null);
          return add.mutateAsync(body);
        }}
        error={add.error}
        errorTitle={t('agenda.topic.failedTitle')}
      >
        <TextInput
          name="title"
          label={t('agenda.topic.title')}
          widthClass="input-width-xl"
          required
        />
        <TextArea name="description" label={t('agenda.topic.description')} empty="undefined" />
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {t('agenda.topic.submit')}
        </button>
      </Form>
      <Templates agenda={agenda} />
    </section>
  );
}

/** The template form holds the template; the version it is based on is the agenda's. */
const TemplateChoice = ApplyTemplateBody.pick({ template: true });

function Templates({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const changed = useAgendaChanged(agenda.meetingId);
  const form = useZodForm(TemplateChoice, {
    defaultValues: { template: defaultTemplate(agenda.meetingType) },
  });
  const apply = useMutation({
    mutationFn: ({ template }: { template: AgendaTemplate }) =>
      applyTemplate(agenda.meetingId, agenda.meetingVersion, template),
    onSuccess: changed,
  });
  return (
    <div className="mt-6">
      <h3>{t('agenda.templates.heading')}</h3>
      <p>{t('agenda.templates.intro')}</p>
      <Form
        id="agenda-template"
        form={form}
        onSubmit={(body) => apply.mutateAsync(body)}
        error={apply.error}
        errorTitle={t('agenda.templates.failedTitle')}
      >
        <Select name="template" label={t('agenda.templates.choose')}>
          {AGENDA_TEMPLATES.map((code) => (
            <option key={code} value={code}>
              {t(`agenda.templates.names.${code}`)}
            </option>
          ))}
        </Select>
        <button type="submit" className="button button-secondary" disabled={apply.isPending}>
          {t('agenda.templates.apply')}
        </button>
      </Form>
    </div>
  );
}

function defaultTemplate(meetingType: string): AgendaTemplate {
  return (AGENDA_TEMPLATES as readonly string[]).includes(meetingType)
    ? (meetingType as AgendaTemplate)
    : 'infohus_kommune';
}
