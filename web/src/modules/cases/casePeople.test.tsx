import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type I18n from '../../app/i18n';
import type * as Resolver from '../../ui/form/resolver';
import { importWithI18n } from '../../ui/testRender';
import type * as Forms from './casePeopleForms';
import type { CaseMembersSection as Members } from './CaseMembersSection';
import type { CasePersonsSection as Persons } from './CasePersonsSection';
import type { MemberFields as MemberForm } from './AddMemberForm';
import { testCaseDetail } from './testCaseDetail';

/** The case's persons and members: the forms' checks and bodies, and actions by abilities only. */

let i18n: typeof I18n;
let forms: typeof Forms;
let zodFormResolver: typeof Resolver.zodFormResolver;
let CasePersonsSection: typeof Persons;
let CaseMembersSection: typeof Members;
let MemberFields: typeof MemberForm;

beforeAll(async () => {
  i18n = (await importWithI18n(() => import('../../app/i18n'))).default;
  forms = await import('./casePeopleForms');
  ({ zodFormResolver } = await import('../../ui/form/resolver'));
  ({ CasePersonsSection } = await import('./CasePersonsSection'));
  ({ CaseMembersSection } = await import('./CaseMembersSection'));
  ({ MemberFields } = await import('./AddMemberForm'));
  await i18n.changeLanguage('da');
});

const options = { fields: {}, shouldUseNativeValidation: false } as const;

/** The form's problems by field, as the user reads them. */
async function problems(schema: z.ZodType, values: object): Promise<Record<string, string>> {
  const resolver = zodFormResolver(schema as z.ZodType<object, object>);
  const result = await resolver(values, undefined, options);
  const out: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const entry = node as { message?: unknown };
    if (typeof entry.message === 'string') {
      out[path] = entry.message;
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(result.errors, '');
  return out;
}

const PERSONS = [
  {
    id: '22222222-2222-4222-8222-222222222222',
    name: 'Sara Holm',
    birthDate: null,
    role: 'citizen',
    custodyHolder: false,
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    name: 'Hanne Holm',
    birthDate: null,
    role: 'parent',
    custodyHolder: false,
  },
] as const;

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>{node}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('adding a person', () => {
  it('asks for the connection and a name in Danish when nothing is filled in', async () => {
    const found = await problems(forms.AddPersonFormSchema, forms.emptyAddPerson());
    expect(Object.keys(found).sort()).toEqual(['new.familyName', 'new.givenName', 'role']);
    expect(found.role).toBe(i18n.t('form.validation.choose'));
    expect(found['new.givenName']).toMatch(/[a-zæøå]/);
    expect(found['new.givenName']).not.toMatch(/expected|invalid/i);
  });

  it('names a CPR number that cannot be one on its field', async () => {
    const values = forms.emptyAddPerson();
    values.role = 'sibling';
    values.new = { givenName: 'Jonas', familyName: 'Holm', birthDate: '', cpr: '12345' };
    expect(Object.keys(await problems(forms.AddPersonFormSchema, values))).toEqual(['new.cpr']);
  });

  it('sends a new person with what was typed, and an existing one by its id alone', () => {
    const typed = forms.emptyAddPerson();
    typed.role = 'child';
    typed.new = { givenName: ' Lille ', familyName: 'Holm', birthDate: '', cpr: '140310 4321' };
    expect(forms.toAddPersonBody(typed)).toEqual({
      role: 'child',
      personId: typed.personId,
      new: { givenName: ' Lille ', familyName: 'Holm', birthDate: null, cpr: '1403104321' },
    });
    // The same form sends the same id again (a retry); a new form makes a new one.
    expect(forms.toAddPersonBody(typed).personId).toBe(typed.personId);
    expect(forms.emptyAddPerson().personId).not.toBe(typed.personId);
    const chosen = { ...typed, role: 'friend' as const };
    chosen.existing = { id: PERSONS[1].id, name: 'Hanne Holm', birthDate: null };
    expect(forms.toAddPersonBody(chosen)).toEqual({
      role: 'friend',
      existingPersonId: PERSONS[1].id,
    });
  });
});

describe('removing a person and adding a member', () => {
  it('wants a reason for a removal', async () => {
    const found = await problems(forms.RemovePersonFormSchema, { reason: '   ' });
    expect(Object.keys(found)).toEqual(['reason']);
    expect(await problems(forms.RemovePersonFormSchema, { reason: 'Fejlregistreret' })).toEqual({});
  });

  it('wants a colleague and a role for a new member, and sends the scope chosen', async () => {
    const found = await problems(forms.AddMemberFormSchema, forms.emptyAddMember());
    expect(Object.keys(found).sort()).toEqual(['role', 'userId']);
    expect(found.role).toBe(i18n.t('form.validation.choose'));
    const values = {
      userId: PERSONS[0].id,
      role: 'member' as const,
      scope: 'intervention' as const,
    };
    expect(forms.toAddMemberBody(values)).toEqual(values);
  });
});

describe('the persons and members sections show actions from the abilities alone', () => {
  it("offers the case's coordinator to add and remove, never the citizen", () => {
    const html = render(<CasePersonsSection detail={testCaseDetail({ persons: [...PERSONS] })} />);
    expect(html).toContain('Personer i sagen');
    expect(html).toContain('Tilføj person');
    expect(html).toContain('aria-label="Fjern Hanne Holm fra sagen"');
    expect(html).not.toContain('Fjern Sara Holm');
    const members = render(<CaseMembersSection detail={testCaseDetail()} />);
    expect(members).toContain('Tilføj medlem');
  });

  it('offers a plain member, a forum member and a closed case nothing to change', () => {
    for (const detail of [
      testCaseDetail({ persons: [...PERSONS], access: { role: 'member', compartment: false } }),
      testCaseDetail({ persons: [...PERSONS], access: { role: 'forum' } }),
      testCaseDetail({ persons: [...PERSONS], status: 'closed' }),
    ]) {
      const html = render(<CasePersonsSection detail={detail} />);
      expect(html).toContain('Hanne Holm');
      expect(html).not.toContain('Tilføj person');
      expect(html).not.toContain('Fjern');
    }
    const forum = testCaseDetail({ access: { role: 'forum' } });
    expect(render(<CaseMembersSection detail={forum} />)).not.toContain('Tilføj medlem');
  });

  it('lists each colleague with their units, and the roles and scopes in Danish', () => {
    const html = render(
      <MemberFields
        detail={testCaseDetail()}
        candidates={[
          {
            id: PERSONS[0].id,
            displayName: 'Mette Mentor',
            roles: ['mentor'],
            units: ['SSP Nord'],
          },
          { id: PERSONS[1].id, displayName: 'Kasper Kollega', roles: ['caseworker'], units: [] },
        ]}
        onDone={() => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(html).toContain('Mette Mentor (SSP Nord)');
    expect(html).toContain('Kasper Kollega (ingen enhed)');
    expect(html).toContain('Tovholder');
    expect(html).toContain('Kun egen indsats');
    expect(html).toMatch(/checked="" value="full"/);
  });
});
