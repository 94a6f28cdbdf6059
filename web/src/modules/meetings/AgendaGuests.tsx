import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  AddExternalGuestBody,
  AddParticipantBody,
} from '../../../../server/modules/meetings/schema.ts';
import { useSession } from '../../app/session';
import { Form, Select, SuccessMessage, TextInput, useZodForm } from '../../ui/form';
import { useCandidates } from '../forums/forumsApi';
import type { Agenda, AgendaItem } from './agendaApi';
import {
  addExternalGuest,
  addParticipant,
  useForumMembers,
  useMeeting,
  useMeetingChanged,
  type MeetingDetail,
} from './meetingsApi';

/** A guest to one item: the person and the item are both required here (the API allows members). */
const UserGuest = AddParticipantBody.extend({ agendaItemId: z.uuid() });
const ExternalGuest = AddExternalGuestBody.omit({ id: true });
type ExternalGuestValues = {
  agendaItemId: string;
  name: string;
  organisation?: string | null;
  email?: string | null;
};

/**
 * Guests to ONE agenda item (issue 14 part 2), for those who manage the meeting (the meeting's
 * `manage` ability from the server): a colleague or partner user — e.g. the police contact who
 * joins only for a serious concern — and a named external person, e.g. an ad hoc school
 * counsellor, with organisation and e-mail for the invitation. The guest sees only that item.
 */
export function AgendaGuests({ agenda }: { agenda: Agenda }) {
  const meeting = useMeeting(agenda.meetingId).data;
  if (!meeting?.abilities.manage || agenda.items.length === 0) return null;
  return (
    <section aria-labelledby="agenda-guests" className="mt-8">
      <AgendaGuestsHeading />
      <UserGuestForm agenda={agenda} meeting={meeting} />
      <ExternalGuestForm agenda={agenda} />
    </section>
  );
}

function AgendaGuestsHeading() {
  const { t } = useTranslation();
  return (
    <>
      <h2 id="agenda-guests">{t('agenda.guests.heading')}</h2>
      <p>{t('agenda.guests.intro')}</p>
    </>
  );
}

function ItemOptions({ items }: { items: AgendaItem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('agenda.guests.chooseItem')}</option>
      {items.map((item) => {
        const kind = t(`agenda.kinds.${item.kind}`);
        const what = item.record ? `${kind}: ${item.record.reference}` : (item.title ?? kind);
        return (
          <option key={item.id} value={item.id}>
            {`${item.position}. ${what}`}
          </option>
        );
      })}
    </>
  );
}

function UserGuestForm({ agenda, meeting }: { agenda: Agenda; meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  // The forum's candidates (colleagues and partner users) are read by those who manage forums.
  const mayManageForums = useSession().data?.abilities?.forums.manage ?? false;
  const members = useForumMembers(meeting.forumId).data ?? [];
  const candidates = (useCandidates(meeting.forumId, '').data ?? []).filter(() => mayManageForums);
  const invited = new Set(meeting.participants.map((p) => p.userId));
  const people = [
    ...members.map((m) => ({ id: m.userId, name: m.displayName })),
    ...candidates.map((c) => ({ id: c.id, name: c.displayName })),
  ].filter((o, i, all) => !invited.has(o.id) && all.findIndex((x) => x.id === o.id) === i);
  const form = useZodForm(UserGuest, { defaultValues: { userId: '', agendaItemId: '' } });
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: { userId: string; agendaItemId: string }) =>
      addParticipant(meeting.id, body),
    onSuccess: async (result, body) => {
      form.reset({ userId: '', agendaItemId: '' });
      setAdded(people.find((p) => p.id === body.userId)?.name ?? '');
      await changed(result);
    },
  });
  return (
    <div className="mt-6">
      <h3>{t('agenda.guests.userHeading')}</h3>
      {added !== null && (
        <SuccessMessage>{t('agenda.guests.userAdded', { name: added })}</SuccessMessage>
      )}
      {people.length === 0 ? (
        <p>{t('agenda.guests.nobody')}</p>
      ) : (
        <Form
          id="agenda-guest-user"
          form={form}
          onSubmit={(body) => {
            setAdded(null);
            return add.mutateAsync(body);
          }}
          error={add.error}
          errorTitle={t('agenda.guests.failedTitle')}
        >
          <Select name="userId" label={t('agenda.guests.person')}>
            <option value="">{t('agenda.guests.choosePerson')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
          <Select name="agendaItemId" label={t('agenda.guests.item')}>
            <ItemOptions items={agenda.items} />
          </Select>
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            {t('agenda.guests.userSubmit')}
          </button>
        </Form>
      )}
    </div>
  );
}

function ExternalGuestForm({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const empty = { agendaItemId: '', name: '', organisation: null, email: null };
  const form = useZodForm(ExternalGuest, { defaultValues: empty });
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: ExternalGuestValues) =>
      addExternalGuest(agenda.meetingId, { id: crypto.randomUUID(), ...body }),
    onSuccess: async (result, body) => {
      form.reset(empty);
      setAdded(body.name);
      await changed(result);
    },
  });
  return (
    <div className="mt-6">
      <h3>{t('agenda.guests.externalHeading')}</h3>
      {added !== null && (
        <SuccessMessage>{t('agenda.guests.externalAdded', { name: added })}</SuccessMessage>
      )}
      <Form
        id="agenda-guest-external"
        form={form}
        onSubmit={(body) => {
          setAdded(null);
          return add.mutateAsync(body);
        }}
        error={add.error}
        errorTitle={t('agenda.guests.failedTitle')}
      >
        <TextInput name="name" label={t('agenda.guests.name')} widthClass="input-width-l" />
        <TextInput
          name="organisation"
          label={t('agenda.guests.organisation')}
          widthClass="input-width-l"
          empty="null"
        />
        <TextInput
          name="email"
          label={t('agenda.guests.email')}
          hint={t('agenda.guests.emailHint')}
          widthClass="input-width-l"
          type="email"
          empty="null"
        />
        <Select name="agendaItemId" label={t('agenda.guests.item')}>
          <ItemOptions items={agenda.items} />
        </Select>
        <button type="submit" className="button button-secondary" disabled={add.isPending}>
          {t('agenda.guests.externalSubmit')}
        </button>
      </Form>
    </div>
  );
}
