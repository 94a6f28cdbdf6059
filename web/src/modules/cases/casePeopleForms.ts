import {
  AddCasePersonBody,
  RemoveCasePersonBody,
} from '../../../../server/modules/cases/schema-people.ts';
import { AddMemberBody } from '../../../../server/modules/cases/schema.ts';
import type { z as zod } from 'zod';
import { bodyForm } from '../../ui/form';
import type { AddablePersonRole, CaseRole, CaseScope } from '../../../../shared/values.ts';

/**
 * The forms of a case's persons and members: their values, the request body they make, and the
 * check with the server's own body schema (the version is added when the form is sent).
 */

// --- Adding a person ----------------------------------------------------------------------------

/** The form names its values as the body does (`new.givenName`), so problems land on the fields. */
export interface AddPersonValues {
  role: AddablePersonRole | '';
  /** Chosen among the possible duplicates: the existing registration replaces the fields. */
  existing: { id: string; name: string; birthDate: string | null } | null;
  new: { givenName: string; familyName: string; birthDate: string; cpr: string };
  /** The new person's id, made once per form: a retry of the same save adds nobody twice. */
  personId: string;
}

export function emptyAddPerson(): AddPersonValues {
  return {
    role: '',
    existing: null,
    new: { givenName: '', familyName: '', birthDate: '', cpr: '' },
    personId: crypto.randomUUID(),
  };
}

type AddPersonBody = Omit<zod.input<typeof AddCasePersonBody>, 'version'>;
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** An existing registration goes by its id alone; a new person by what was typed. */
export function toAddPersonBody(values: AddPersonValues): AddPersonBody {
  const role = (values.role || undefined) as AddablePersonRole;
  if (values.existing) return { role, existingPersonId: values.existing.id };
  const typed = values.new;
  return {
    role,
    personId: values.personId,
    new: {
      givenName: typed.givenName,
      familyName: typed.familyName,
      birthDate: orNull(typed.birthDate),
      cpr: orNull(typed.cpr.replace(/\s+/g, '')),
    },
  };
}

export const AddPersonFormSchema = bodyForm(
  toAddPersonBody,
  AddCasePersonBody.omit({ version: true }),
);

// --- Removing a person --------------------------------------------------------------------------

/** The removal's form holds the reason; the version is the case's. */
export const RemovePersonFormSchema = RemoveCasePersonBody.omit({ version: true });

// --- Adding a member ----------------------------------------------------------------------------

export interface AddMemberValues {
  userId: string;
  role: CaseRole | '';
  scope: CaseScope;
}

export const emptyAddMember = (): AddMemberValues => ({ userId: '', role: '', scope: 'full' });

export function toAddMemberBody(values: AddMemberValues): zod.input<typeof AddMemberBody> {
  return {
    userId: values.userId,
    role: (values.role || undefined) as CaseRole,
    scope: values.scope,
  };
}

export const AddMemberFormSchema = bodyForm(toAddMemberBody, AddMemberBody);

/** The reason's limit (the server's `RemoveCasePersonBody`). */
export const REASON_MAX = 2000;
