import type { ApiFieldError } from '../../app/api';
import {
  CHANNELS,
  isOneOf,
  RELATIONS,
  SIGN_CODES,
  signTier,
  SOURCES,
  SUBJECT_KINDS,
  type Channel,
  type ConcernSign,
  type CreateInquiry,
  type Relation,
  type Source,
  type SubjectKind,
} from './inquiriesApi';
import { danishDateTimeToIso, parseDanishDate, serverNow } from './format';

/**
 * The intake form's state: what the user typed, as typed (dates in Danish format). It is also
 * what a draft holds, so a draft continues exactly where the user left off.
 */
export interface PersonDraft {
  /** A stable key for React, not sent. */
  key: string;
  /** Chosen among the possible duplicates: the existing registration replaces the fields. */
  existing: { id: string; name: string; birthDate: string | null } | null;
  givenName: string;
  familyName: string;
  birthDate: string;
  cpr: string;
  address: string;
  phone: string;
  relationToFirst: Relation | '';
}

export interface IntakeState {
  source: Source | '';
  sourceOther: string;
  channel: Channel | '';
  anonymous: boolean;
  reporterName: string;
  reporterContact: string;
  receivedDate: string;
  receivedTime: string;
  subjectKind: SubjectKind;
  groupDescription: string;
  persons: PersonDraft[];
  observation: string;
  /** Checked signs, each with its (optional) note. */
  signs: Partial<Record<ConcernSign, string>>;
  immediateDanger: boolean;
}

let personCounter = 0;
export function emptyPerson(): PersonDraft {
  personCounter += 1;
  return {
    key: `p${Date.now().toString(36)}${personCounter}`,
    existing: null,
    givenName: '',
    familyName: '',
    birthDate: '',
    cpr: '',
    address: '',
    phone: '',
    relationToFirst: '',
  };
}

export function emptyIntake(date: string, time: string): IntakeState {
  return {
    source: '',
    sourceOther: '',
    channel: '',
    anonymous: false,
    reporterName: '',
    reporterContact: '',
    receivedDate: date,
    receivedTime: time,
    subjectKind: 'person',
    groupDescription: '',
    persons: [emptyPerson()],
    observation: '',
    signs: {},
    immediateDanger: false,
  };
}

/** A serious sign or immediate danger: the inquiry becomes urgent, and the form says call 112/114. */
export function isUrgent(state: IntakeState): boolean {
  return (
    state.immediateDanger ||
    (Object.keys(state.signs) as ConcernSign[]).some((code) => signTier(code) === 'serious')
  );
}

/** The checked signs in the list's order (the order of the body, so errors name the right one). */
export function checkedSigns(state: IntakeState): ConcernSign[] {
  return SIGN_CODES.filter((code) => state.signs[code] !== undefined);
}

const isBlankPerson = (p: PersonDraft) =>
  !p.existing &&
  [p.givenName, p.familyName, p.birthDate, p.cpr, p.address, p.phone].every((v) => !v.trim());

/** The persons that go into the body (blank rows are left out), with their index in the form. */
export function sentPersons(state: IntakeState): { person: PersonDraft; formIndex: number }[] {
  return state.persons
    .map((person, formIndex) => ({ person, formIndex }))
    .filter(({ person }) => !isBlankPerson(person));
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body; dates are checked by `clientProblems` first. */
export function toBody(state: IntakeState, draftId: string | null): CreateInquiry {
  const persons = sentPersons(state).map(({ person }, index) => {
    const relationToFirst = index > 0 && person.relationToFirst ? person.relationToFirst : null;
    if (person.existing) return { existingPersonId: person.existing.id, relationToFirst };
    return {
      new: {
        givenName: person.givenName.trim(),
        familyName: person.familyName.trim(),
        birthDate: person.birthDate.trim() ? parseDanishDate(person.birthDate) : null,
        cpr: orNull(person.cpr.replace(/\s+/g, '')),
        address: orNull(person.address),
        phone: orNull(person.phone),
      },
      relationToFirst,
    };
  });
  return {
    // An unchosen select is left out: the server names the missing field.
    source: (state.source || undefined) as Source,
    sourceOther: state.source === 'other' ? orNull(state.sourceOther) : null,
    channel: (state.channel || undefined) as Channel,
    reporter: state.anonymous
      ? { anonymous: true, name: null, contact: null }
      : {
          anonymous: false,
          name: orNull(state.reporterName),
          contact: orNull(state.reporterContact),
        },
    receivedAt: danishDateTimeToIso(state.receivedDate, state.receivedTime) ?? '',
    observation: state.observation.trim(),
    subjectKind: state.subjectKind,
    groupDescription: state.subjectKind === 'group' ? orNull(state.groupDescription) : null,
    persons,
    signs: checkedSigns(state).map((code) => ({ code, note: orNull(state.signs[code] ?? '') })),
    immediateDanger: state.immediateDanger,
    draftId,
  };
}

export type ProblemText =
  'dateInvalid' | 'timeInvalid' | 'future' | 'birthDateInvalid' | 'birthDateFuture';

/**
 * What the browser can tell before sending: dates and times it cannot read, a receipt time in
 * the future. Named as the server names the fields, so they land next to the same fields.
 */
export function clientProblems(state: IntakeState): { field: string; problem: ProblemText }[] {
  const problems: { field: string; problem: ProblemText }[] = [];
  if (!parseDanishDate(state.receivedDate)) {
    problems.push({ field: 'body.receivedAt', problem: 'dateInvalid' });
  } else {
    const iso = danishDateTimeToIso(state.receivedDate, state.receivedTime);
    if (!iso) problems.push({ field: 'body.receivedAt.time', problem: 'timeInvalid' });
    // A minute's grace: the clock of the form and of the server are not the same second.
    else if (Date.parse(iso) > serverNow() + 60_000) {
      problems.push({ field: 'body.receivedAt', problem: 'future' });
    }
  }
  sentPersons(state).forEach(({ person }, index) => {
    if (person.existing || !person.birthDate.trim()) return;
    const date = parseDanishDate(person.birthDate);
    const field = `body.persons.${index}.new.birthDate`;
    if (!date) problems.push({ field, problem: 'birthDateInvalid' });
    else if (Date.parse(`${date}T00:00:00Z`) > serverNow()) {
      problems.push({ field, problem: 'birthDateFuture' });
    }
  });
  return problems;
}

export function asFieldErrors(
  problems: { field: string; problem: ProblemText }[],
  message: (problem: ProblemText) => string,
): ApiFieldError[] {
  return problems.map(({ field, problem }) => ({
    field,
    code: problem,
    message: message(problem),
  }));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** A draft's content as form state; anything unexpected falls back to the empty value. */
export function fromDraft(content: Record<string, unknown>, fallback: IntakeState): IntakeState {
  const persons = Array.isArray(content.persons)
    ? content.persons.filter(isRecord).map((p): PersonDraft => {
        const existing =
          isRecord(p.existing) && typeof p.existing.id === 'string' ? p.existing : null;
        const relation = str(p.relationToFirst);
        return {
          ...emptyPerson(),
          existing: existing
            ? {
                id: String(existing.id),
                name: str(existing.name),
                birthDate: typeof existing.birthDate === 'string' ? existing.birthDate : null,
              }
            : null,
          givenName: str(p.givenName),
          familyName: str(p.familyName),
          birthDate: str(p.birthDate),
          cpr: str(p.cpr),
          address: str(p.address),
          phone: str(p.phone),
          relationToFirst: isOneOf(RELATIONS, relation) ? relation : '',
        };
      })
    : [];
  const signs: Partial<Record<ConcernSign, string>> = {};
  if (isRecord(content.signs)) {
    for (const [code, note] of Object.entries(content.signs)) {
      if (isOneOf(SIGN_CODES, code)) signs[code] = str(note);
    }
  }
  const source = str(content.source);
  const channel = str(content.channel);
  const subjectKind = str(content.subjectKind);
  return {
    source: isOneOf(SOURCES, source) ? source : '',
    sourceOther: str(content.sourceOther),
    channel: isOneOf(CHANNELS, channel) ? channel : '',
    anonymous: content.anonymous === true,
    reporterName: str(content.reporterName),
    reporterContact: str(content.reporterContact),
    receivedDate: str(content.receivedDate) || fallback.receivedDate,
    receivedTime: str(content.receivedTime) || fallback.receivedTime,
    subjectKind: isOneOf(SUBJECT_KINDS, subjectKind) ? subjectKind : 'person',
    groupDescription: str(content.groupDescription),
    persons: persons.length > 0 ? persons : [emptyPerson()],
    observation: str(content.observation),
    signs,
    immediateDanger: content.immediateDanger === true,
  };
}
