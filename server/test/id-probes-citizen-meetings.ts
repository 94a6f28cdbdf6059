import { send } from './access-matrix.ts';
import {
  bodyProbe,
  subPathProbe,
  validWrite,
  type IdProbe,
  type ProbeWorld,
} from './record-ids.ts';

/**
 * Record ids in the requests of meeting the citizen (issue 15 parts 1–4, 0049), on a case and on
 * an inquiry: another team's meeting under the caller's own record answers as a missing one; a
 * client id already used for another team's try or meeting is refused exactly as one used in the
 * caller's own other record; a user named as who tried, who makes the next try or who did the
 * colleague check, if not on the caller's team, answers as an unknown id.
 */
type Kind = 'cases' | 'inquiries';

/** A valid create of `key` made in a fresh record of `w`: its client id. */
async function madeIn(w: ProbeWorld['foreign'], key: string): Promise<string> {
  const write = await validWrite(w, key);
  const res = await send(w.t, write.caller, 'POST', write.url, write.body);
  if (res.status !== 201) throw new Error(`${key} not made: ${res.status}`);
  return String(write.body?.id);
}

/** A client id: another team's record (hidden) against one in a record of the caller's own. */
function clientIdProbe(key: string): IdProbe {
  return {
    ...bodyProbe(
      key,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => madeIn(x.foreign, key),
    ),
    visibleTwin: (x) => madeIn(x, key),
  };
}

/** A user of another team (a coordinator of another municipality) named in a body field. */
const otherUser = async (x: ProbeWorld) => x.other.user.caller.userId ?? '';

function probesFor(kind: Kind): IdProbe[] {
  const path = `/api/${kind}/{id}`;
  const ATTEMPTS = `POST ${path}/contact-attempts`;
  const MEETINGS = `POST ${path}/citizen-meetings`;
  const PREPARATION = `PUT ${path}/citizen-meetings/{meetingId}/preparation`;
  return [
    clientIdProbe(ATTEMPTS),
    clientIdProbe(MEETINGS),
    bodyProbe(ATTEMPTS, 'body.triedBy', (b, id) => ({ ...b, triedBy: id }), otherUser),
    bodyProbe(
      ATTEMPTS,
      'body.nextBy',
      (b, id) => ({ ...b, nextBy: id, nextOn: b.attemptedOn }),
      otherUser,
    ),
    bodyProbe(
      MEETINGS,
      'body.colleagueCheckBy',
      (b, id) => ({ ...b, colleagueCheckBy: id }),
      otherUser,
    ),
    bodyProbe(
      PREPARATION,
      'body.colleagueCheckBy',
      (b, id) => ({ ...b, colleagueCheckBy: id }),
      otherUser,
    ),
    subPathProbe(PREPARATION, 'meetingId'),
    subPathProbe(`PUT ${path}/citizen-meetings/{meetingId}/held`, 'meetingId'),
    subPathProbe(`PUT ${path}/citizen-meetings/{meetingId}/reflection`, 'meetingId'),
  ];
}

/** The summary PDF of the caller's own case, asked with another team's meeting's id. */
const summaryProbe: IdProbe = {
  key: 'GET /api/cases/{id}/citizen-meetings/{meetingId}/summary.pdf path.meetingId',
  setup: async (x) => {
    const reflection = 'PUT /api/cases/{id}/citizen-meetings/{meetingId}/reflection';
    const theirs = await validWrite(x.foreign, reflection);
    const own = await validWrite(x, reflection);
    return {
      hidden: String(theirs.prepared.meetingId),
      request: {
        caller: own.caller,
        method: 'GET',
        url: (id) => `/api/cases/${own.records.caseId}/citizen-meetings/${id}/summary.pdf`,
      },
    };
  },
};

export const CITIZEN_MEETING_PROBES: IdProbe[] = [
  ...probesFor('cases'),
  ...probesFor('inquiries'),
  summaryProbe,
];
