import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AddParticipantBody } from '../../../../server/modules/meetings/schema.ts';
import { Form, Select, useZodForm } from '../../ui/form';
import { useCandidates } from '../forums/forumsApi';
import {
  addParticipant,
  useForumMembers,
  useMeetingChanged,
  type MeetingDetail,
} from './meetingsApi';

const InviteForm = AddParticipantBody.pick({ userId: true });

/**
 * Invite a member to the meeting: a member of the forum not yet invited (e.g. removed earlier) or
 * a colleague from outside the forum (the forum's candidates, for those who manage the forums).
 * Guests to one agenda item are invited from the agenda, which knows its items.
 */
export function MeetingInvite({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useMeetingChanged();
  const members = useForumMembers(meeting.forumId).data ?? [];
  const candidates = useCandidates(meeting.forumId, '').data ?? [];
  const invited = new Set(meeting.participants.map((p) => p.userId));
  const options = [
    ...members.map((m) => ({ id: m.userId, name: m.displayName })),
    ...candidates.map((c) => ({ id: c.id, name: c.displayName })),
  ].filter((o) => !invited.has(o.id));
  const form = useZodForm(InviteForm, { defaultValues: { userId: '' } });
  const mutation = useMutation({
    mutationFn: (body: { userId: string }) => addParticipant(meeting.id, body),
    onSuccess: async (result) => {
      form.reset();
      await changed(result);
    },
  });
  if (options.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId}>{t('meetings.invite.heading')}</h3>
      <Form
        id={`meeting-invite-${meeting.id}`}
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('meetings.invite.failed')}
      >
        <Select name="userId" label={t('meetings.invite.person')}>
          <option value="">{t('meetings.invite.choose')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('meetings.invite.submit')}
        </button>
      </Form>
    </section>
  );
}
