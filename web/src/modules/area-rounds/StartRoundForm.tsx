import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../server/modules/meetings/schema.ts';
import { apiGet, withQuery } from '../../app/api';
import { DateInput, Form, Select, TextArea, useZodForm } from '../../ui/form';
import { formatDateTime } from '../cases/format';
import { roundsKey, startRound, StartRoundBody } from './roundsApi';

const StartRoundFields = StartRoundBody.omit({ id: true });

/**
 * Starts a mapping round: the day it is held, who takes part by role and organisation, or the
 * area meeting (a meeting of the area's team forum) it is collected at. The server decides the
 * round's number and due date from the cadence.
 */
export function StartRoundForm({
  areaId,
  teamForumId,
}: {
  areaId: string;
  teamForumId: string | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const meetings = useQuery({
    queryKey: ['meetings', 'forum', teamForumId],
    queryFn: ({ signal }) =>
      apiGet<{ items: MeetingSummary[] }>(
        withQuery('/api/meetings', { forumId: teamForumId, from: monthsAgo(3) }),
        { signal },
      ),
    enabled: teamForumId !== null,
  });
  const form = useZodForm(StartRoundFields, {
    defaultValues: { heldOn: null, participants: null, meetingId: null },
  });
  const mutation = useMutation({
    mutationFn: (body: {
      heldOn: string | null;
      participants: string | null;
      meetingId: string | null;
    }) => startRound(areaId, { id: crypto.randomUUID(), ...body }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: roundsKey(areaId) });
    },
  });
  const options = meetings.data?.items ?? [];
  return (
    <section aria-labelledby="start-round-heading">
      <h3 id="start-round-heading">{t('areaRounds.start.heading')}</h3>
      <Form
        id="start-round"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('areaRounds.start.failed')}
      >
        <DateInput name="heldOn" label={t('areaRounds.start.heldOn')} empty="null" />
        <TextArea
          name="participants"
          label={t('areaRounds.start.participants')}
          hint={t('areaRounds.start.participantsHint')}
          empty="null"
          rows={3}
        />
        {teamForumId !== null && (
          <Select
            name="meetingId"
            label={t('areaRounds.start.meeting')}
            hint={t('areaRounds.start.meetingHint')}
            empty="null"
          >
            <option value="">{t('areaRounds.start.noMeeting')}</option>
            {options.map((m) => (
              <option key={m.id} value={m.id}>
                {`${m.forumName}, ${formatDateTime(m.startsAt)}`}
              </option>
            ))}
          </Select>
        )}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('areaRounds.start.submit')}
        </button>
      </Form>
    </section>
  );
}

function monthsAgo(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  return d.toISOString().slice(0, 10);
}
