import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { saveAttendance, type MinutesView } from './minutesApi';

/**
 * Who was present (meeting_participants.attended, external guests' attended): checkboxes while
 * the caller writes the draft, else the list with present, absent or not recorded.
 */
export function MinutesAttendance({
  view,
  meetingId,
  onChanged,
}: {
  view: MinutesView;
  meetingId: string;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { participants, guests } = view.attendance;
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries([
      ...participants.map((p) => [p.userId, p.attended === true]),
      ...guests.map((g) => [g.id, g.attended === true]),
    ]),
  );
  const save = useMutation({
    mutationFn: () =>
      saveAttendance(meetingId, {
        version: view.minutes?.version ?? 0,
        participants: participants.map((p) => ({
          userId: p.userId,
          attended: present[p.userId] ?? false,
        })),
        guests: guests.map((g) => ({ id: g.id, attended: present[g.id] ?? false })),
      }),
    onSuccess: onChanged,
  });
  const people = [
    ...participants.map((p) => ({
      id: p.userId,
      name: p.kind === 'guest' ? `${p.name} (${t('minutes.attendance.guest')})` : p.name,
      attended: p.attended,
    })),
    ...guests.map((g) => ({
      id: g.id,
      name: `${g.name}${g.organisation ? `, ${g.organisation}` : ''} (${t('minutes.attendance.external')})`,
      attended: g.attended,
    })),
  ];
  const state = (attended: boolean | null) =>
    t(
      attended === null
        ? 'minutes.attendance.unknown'
        : attended
          ? 'minutes.attendance.attended'
          : 'minutes.attendance.absent',
    );
  return (
    <section aria-labelledby="minutes-attendance">
      <h2 id="minutes-attendance">{t('minutes.attendance.heading')}</h2>
      {people.length === 0 && <p>{t('minutes.attendance.none')}</p>}
      {view.abilities.write && people.length > 0 ? (
        <fieldset>
          <legend className="sr-only">{t('minutes.attendance.present')}</legend>
          {save.error ? (
            <ErrorAlert title={t('minutes.attendance.saveError')} error={save.error} />
          ) : null}
          <ul className="nobullet-list">
            {people.map((p) => (
              <li key={p.id} className="form-group-checkbox">
                <input
                  id={`attended-${p.id}`}
                  type="checkbox"
                  className="form-checkbox"
                  checked={present[p.id] ?? false}
                  onChange={(e) => setPresent({ ...present, [p.id]: e.target.checked })}
                />
                <label htmlFor={`attended-${p.id}`}>{p.name}</label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-secondary"
            disabled={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('minutes.attendance.save')}
          </button>
        </fieldset>
      ) : (
        <ul>
          {people.map((p) => (
            <li key={p.id}>
              {p.name}: {state(p.attended)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
