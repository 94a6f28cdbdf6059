import { beforeAll, describe, expect, it } from 'vitest';
import type * as Intake from './intakeForm';
import type * as Forms from './inquiryForms';

let emptyIntake: typeof Intake.emptyIntake;
let emptyPerson: typeof Intake.emptyPerson;
let fromDraft: typeof Intake.fromDraft;
let intakeRename: typeof Intake.intakeRename;
let IntakeSchema: typeof Intake.IntakeSchema;
let toBody: typeof Intake.toBody;
let signValues: typeof Forms.signValues;
type IntakeValues = Intake.IntakeValues;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  ({ emptyIntake, emptyPerson, fromDraft, intakeRename, IntakeSchema, toBody } =
    await import('./intakeForm'));
  ({ signValues } = await import('./inquiryForms'));
});

/** The intake form's values against the server's body: conversion, names, old drafts. */
function filled(): IntakeValues {
  return {
    ...emptyIntake(),
    source: 'teacher',
    channel: 'phone',
    receivedDate: '2026-03-12',
    receivedTime: '14.05',
    subjectKind: 'persons',
    observation: 'Set i frikvarteret.',
    persons: [
      emptyPerson(),
      { ...emptyPerson(), givenName: 'Emil', familyName: 'Demo', birthDate: '2010-05-02' },
    ],
    signs: signValues([{ code: 'extremist_media', note: null }]),
  };
}

describe('the intake form', () => {
  it('leaves blank persons out of the body and names the body fields as the form does', () => {
    const values = filled();
    const body = toBody(values, null);
    expect(body.persons).toEqual([
      {
        new: {
          givenName: 'Emil',
          familyName: 'Demo',
          birthDate: '2010-05-02',
          cpr: null,
          address: null,
          phone: null,
        },
        relationToFirst: null,
      },
    ]);
    expect(body.receivedAt).toBe('2026-03-12T13:05:00.000Z');
    expect(body.signs).toEqual([{ code: 'extremist_media', note: null }]);
    const rename = intakeRename(values);
    expect(rename('persons.0.new.familyName')).toBe('persons.1.familyName');
    expect(rename('persons.0')).toBe('persons.1.givenName');
    expect(rename('receivedAt')).toBe('receivedDate');
    expect(rename('reporter.name')).toBe('reporterName');
    expect(rename('signs.0.note')).toBe('signs.extremist_media.note');
    expect(rename('observation')).toBe('observation');
  });

  it('finds a date it cannot read and the fields the server requires, at the form fields', () => {
    const values = { ...filled(), receivedDate: '31.02.2026', source: '', observation: '' };
    const result = IntakeSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['receivedDate', 'source', 'observation']);
    expect(IntakeSchema.safeParse(filled()).success).toBe(true);
  });

  it('says a date the calendar does not have does not exist, and a malformed one how to write it', () => {
    const base = filled();
    const person = base.persons[1];
    if (!person) throw new Error('no person');
    const messages = (values: typeof base) =>
      IntakeSchema.safeParse(values).error?.issues.map((i) => [i.path.join('.'), i.message]);
    const impossible = {
      ...base,
      receivedDate: '31.02.2026',
      persons: [emptyPerson(), { ...person, birthDate: '31.02.2003' }],
    };
    expect(messages(impossible)).toEqual([
      ['receivedDate', '31.02.2026 findes ikke. Tjek dag og måned.'],
      ['persons.1.birthDate', '31.02.2003 findes ikke. Tjek dag og måned.'],
    ]);
    const malformed = { ...base, persons: [emptyPerson(), { ...person, birthDate: '2003' }] };
    expect(messages(malformed)).toEqual([
      ['persons.1.birthDate', 'Skriv fødselsdatoen som dd.mm.åååå, fx 02.05.2010.'],
    ]);
  });

  it('continues a draft saved before the form layer (Danish dates, signs as code → note)', () => {
    const values = fromDraft({
      source: 'friend',
      receivedDate: '12.03.2026',
      receivedTime: '09.30',
      persons: [{ givenName: 'Sara', birthDate: '21.08.2008' }],
      signs: { breaking_ties: 'Har trukket sig.' },
    });
    expect(values.source).toBe('friend');
    expect(values.receivedDate).toBe('2026-03-12');
    expect(values.persons[0]?.birthDate).toBe('2008-08-21');
    expect(values.signs.breaking_ties).toEqual({ checked: true, note: 'Har trukket sig.' });
    expect(values.signs.extremist_media).toEqual({ checked: false, note: '' });
    // A draft in today's format reads back as it was saved.
    expect(fromDraft({ ...filled() })).toEqual(filled());
  });

  it('sends the mark "Underretning efter Barnets lov" only with a professional source, and keeps it in a draft', () => {
    const marked = { ...filled(), source: 'daycare' as const, childReport: true };
    expect(toBody(marked, null).childReport).toBe(true);
    // The choice is hidden for a relative: a mark left from a professional source is not sent.
    expect(toBody({ ...marked, source: 'relative' }, null).childReport).toBe(false);
    expect(toBody(filled(), null).childReport).toBe(false);
    expect(fromDraft({ ...marked }).childReport).toBe(true);
    expect(fromDraft({ source: 'doctor' }).childReport).toBe(false);
  });
});
