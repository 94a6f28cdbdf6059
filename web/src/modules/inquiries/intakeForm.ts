import { z } from 'zod';
import { CreateInquiryBody } from '../../../../server/modules/inquiries/schema.ts';
import i18n from '../../app/i18n';
import {
  addBodyIssues,
  dateProblem,
  isImpossibleDate,
  parseDate,
  problemMessage,
  saidIssue,
  type Rename,
} from '../../ui/form';
import { backdateBody, backdateDefaults, type BackdateValues } from '../../ui/form/backdateValues';
import { BACKDATE_REASONS, isProfessionalSource } from '../../../../shared/values.ts';
import { localDateTimeToIso, localParts, serverNow } from './format';
import {
  CHANNELS,
  isOneOf,
  RELATIONS,
  SIGN_CODES,
  SOURCES,
  SUBJECT_KINDS,
  type Channel,
  type CreateInquiry,
  type Relation,
  type Source,
  type SubjectKind,
} from './inquiriesApi';
import { renameSign, signsBody, signValues, type SignValues } from './inquiryForms';

/**
 * The intake form's values: what the user typed (dates as the one date field holds them, ISO
 * `yyyy-mm-dd`, or the text while it is not a date). They are also what a draft holds, so a draft
 * continues exactly where the user left off; a draft saved before the form layer (Danish dates,
 * signs as code → note) is read too.
 */
export type PersonValues = {
  /** Chosen among the possible duplicates: the existing registration replaces the fields. */
  existing: { id: string; name: string; birthDate: string | null } | null;
  givenName: string;
  familyName: string;
  birthDate: string;
  cpr: string;
  address: string;
  phone: string;
  relationToFirst: Relation | '';
};

export type IntakeValues = BackdateValues & {
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
  persons: PersonValues[];
  observation: string;
  signs: SignValues;
  immediateDanger: boolean;
  /** "Underretning efter Barnets lov": offered for a professional source only. */
  childReport: boolean;
};

export function emptyPerson(): PersonValues {
  return {
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

/** A new intake, received now. */
export function emptyIntake(): IntakeValues {
  const now = localParts();
  return {
    source: '',
    sourceOther: '',
    channel: '',
    anonymous: false,
    reporterName: '',
    reporterContact: '',
    receivedDate: now.date,
    receivedTime: now.time,
    subjectKind: 'person',
    groupDescription: '',
    persons: [emptyPerson()],
    observation: '',
    signs: signValues(),
    immediateDanger: false,
    childReport: false,
    ...backdateDefaults,
  };
}

const isBlankPerson = (p: PersonValues) =>
  !p.existing &&
  [p.givenName, p.familyName, p.birthDate, p.cpr, p.address, p.phone].every((v) => !v.trim());

/** The persons that go into the body (blank rows are left out), with their index in the form. */
export function sentPersons(values: IntakeValues): { person: PersonValues; formIndex: number }[] {
  return values.persons
    .map((person, formIndex) => ({ person, formIndex }))
    .filter(({ person }) => !isBlankPerson(person));
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body; a date or time it cannot read is sent as it is, for the schema to name. */
export function toBody(values: IntakeValues, draftId: string | null): CreateInquiry {
  const persons = sentPersons(values).map(({ person }, index) => {
    const relationToFirst = index > 0 && person.relationToFirst ? person.relationToFirst : null;
    if (person.existing) return { existingPersonId: person.existing.id, relationToFirst };
    return {
      new: {
        givenName: person.givenName.trim(),
        familyName: person.familyName.trim(),
        birthDate: orNull(person.birthDate),
        cpr: orNull(person.cpr.replace(/\s+/g, '')),
        address: orNull(person.address),
        phone: orNull(person.phone),
      },
      relationToFirst,
    };
  });
  return {
    // An unchosen select is left out: the schema names the missing field.
    source: (values.source || undefined) as Source,
    sourceOther: values.source === 'other' ? orNull(values.sourceOther) : null,
    channel: (values.channel || undefined) as Channel,
    reporter: values.anonymous
      ? { anonymous: true, name: null, contact: null }
      : {
          anonymous: false,
          name: orNull(values.reporterName),
          contact: orNull(values.reporterContact),
        },
    receivedAt: localDateTimeToIso(values.receivedDate, values.receivedTime) ?? '',
    observation: values.observation.trim(),
    subjectKind: values.subjectKind,
    groupDescription: values.subjectKind === 'group' ? orNull(values.groupDescription) : null,
    persons,
    signs: signsBody(values.signs),
    immediateDanger: values.immediateDanger,
    // Offered only for a professional source: a mark left from another source is not sent.
    childReport: values.childReport && isProfessionalSource(values.source),
    // The server keeps the reason only for a receipt more than a day before the registration.
    ...backdateBody(values),
    draftId,
  };
}

const NEW_PERSON = /^persons\.(\d+)(?:\.new)?(?:\.(\w+))?$/;

/** The body's field names as the form's (blank persons are not sent, so indexes differ). */
export function intakeRename(values: IntakeValues): Rename {
  const sent = sentPersons(values);
  return (path) => {
    if (path === 'receivedAt') return 'receivedDate';
    if (path === 'receivedAt.time') return 'receivedTime';
    if (path === 'reporter') return 'anonymous';
    if (path === 'reporter.name') return 'reporterName';
    if (path === 'reporter.contact') return 'reporterContact';
    if (path === 'persons') return 'persons.0.givenName';
    if (path.startsWith('signs')) return renameSign(path, values.signs);
    const person = NEW_PERSON.exec(path);
    if (person) {
      const formIndex = sent[Number(person[1])]?.formIndex;
      if (formIndex === undefined) return null;
      const field = person[2];
      if (field === 'relationToFirst') return `persons.${formIndex}.relationToFirst`;
      const own = ['familyName', 'birthDate', 'cpr', 'address', 'phone'];
      return `persons.${formIndex}.${field && own.includes(field) ? field : 'givenName'}`;
    }
    return path;
  };
}

type Problem = 'dateInvalid' | 'timeInvalid' | 'future' | 'birthDateInvalid' | 'birthDateFuture';
const problem = (key: Problem) => i18n.t(`inquiries.intake.problems.${key}`);

/**
 * The form's check: what the browser can tell about dates and times, then the server's own
 * request-body schema on the body the values make. The server still decides (and checks more).
 */
export const IntakeSchema = z
  .custom<IntakeValues>(() => true)
  .superRefine((values, ctx) => {
    const taken = new Set<string>();
    const say = (path: string, message: string) => {
      taken.add(path);
      ctx.addIssue(saidIssue(path, message));
    };
    const add = (path: string, key: Problem) => say(path, problem(key));
    // Whether the date at `path` is said to be wrong: a day the calendar does not have
    // (31.02.2003) says so; any other text asks for dd.mm.åååå.
    const wrongDate = (path: string, text: string, invalid: Problem) => {
      if (isImpossibleDate(text)) say(path, problemMessage(dateProblem(text)));
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) add(path, invalid);
      else return false;
      return true;
    };
    const iso = localDateTimeToIso(values.receivedDate, values.receivedTime);
    if (!wrongDate('receivedDate', values.receivedDate, 'dateInvalid')) {
      if (!iso) add('receivedTime', 'timeInvalid');
      // A minute's grace: the clock of the form and of the server are not the same second.
      else if (Date.parse(iso) > serverNow() + 60_000) add('receivedDate', 'future');
    }
    if (taken.size > 0) taken.add('receivedDate');
    values.persons.forEach((person, index) => {
      if (person.existing || !person.birthDate.trim()) return;
      const path = `persons.${index}.birthDate`;
      if (wrongDate(path, person.birthDate, 'birthDateInvalid')) return;
      if (Date.parse(`${person.birthDate}T00:00:00Z`) > serverNow()) add(path, 'birthDateFuture');
    });
    addBodyIssues(ctx, CreateInquiryBody, toBody(values, null), intakeRename(values), taken);
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : '');
/** A date as the date field holds it: ISO when it is one (also from `dd.mm.åååå`), else the text. */
const dateOf = (value: unknown) => parseDate(str(value)) ?? str(value);

function signsOf(content: unknown): SignValues {
  const signs = signValues();
  if (!isRecord(content)) return signs;
  for (const [code, value] of Object.entries(content)) {
    if (!isOneOf(SIGN_CODES, code)) continue;
    // Before the form layer a draft held checked signs as code → note.
    if (typeof value === 'string') signs[code] = { checked: true, note: value };
    else if (isRecord(value))
      signs[code] = { checked: value.checked === true, note: str(value.note) };
  }
  return signs;
}

/** A draft's content as form values; anything unexpected falls back to the empty value. */
export function fromDraft(content: Record<string, unknown>): IntakeValues {
  const fallback = emptyIntake();
  const persons = Array.isArray(content.persons)
    ? content.persons.filter(isRecord).map((p): PersonValues => {
        const existing =
          isRecord(p.existing) && typeof p.existing.id === 'string' ? p.existing : null;
        const relation = str(p.relationToFirst);
        return {
          existing: existing
            ? {
                id: String(existing.id),
                name: str(existing.name),
                birthDate: typeof existing.birthDate === 'string' ? existing.birthDate : null,
              }
            : null,
          givenName: str(p.givenName),
          familyName: str(p.familyName),
          birthDate: dateOf(p.birthDate),
          cpr: str(p.cpr),
          address: str(p.address),
          phone: str(p.phone),
          relationToFirst: isOneOf(RELATIONS, relation) ? relation : '',
        };
      })
    : [];
  const source = str(content.source);
  const channel = str(content.channel);
  const subjectKind = str(content.subjectKind);
  const backdateReason = str(content.backdateReason);
  return {
    source: isOneOf(SOURCES, source) ? source : '',
    sourceOther: str(content.sourceOther),
    channel: isOneOf(CHANNELS, channel) ? channel : '',
    anonymous: content.anonymous === true,
    reporterName: str(content.reporterName),
    reporterContact: str(content.reporterContact),
    receivedDate: dateOf(content.receivedDate) || fallback.receivedDate,
    receivedTime: str(content.receivedTime) || fallback.receivedTime,
    subjectKind: isOneOf(SUBJECT_KINDS, subjectKind) ? subjectKind : 'person',
    groupDescription: str(content.groupDescription),
    persons: persons.length > 0 ? persons : [emptyPerson()],
    observation: str(content.observation),
    signs: signsOf(content.signs),
    immediateDanger: content.immediateDanger === true,
    childReport: content.childReport === true,
    backdateReason: isOneOf(BACKDATE_REASONS, backdateReason) ? backdateReason : '',
    backdateNote: str(content.backdateNote),
  };
}
