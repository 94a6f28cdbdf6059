import { z } from 'zod';
import {
  CreateInterventionTypeBody,
  UpdateInterventionTypeBody,
} from '../../../../server/modules/interventions/schema.ts';
import { issueMessage, saidIssue } from '../../ui/form';
import type {
  AgeGroup,
  CreateTypeBody,
  InterventionType,
  Level,
  UpdateTypeBody,
} from './catalogueApi';

/**
 * An offer of the catalogue as its form holds it, and the request body it becomes: texts as
 * typed (a blank description or legal basis is sent as null), '' for a level, age group or unit
 * not chosen. The values are checked with the server's own create or update body schema.
 */
export interface TypeValues {
  code: string;
  name: string;
  description: string;
  level: Level | '';
  ageGroup: AgeGroup | '';
  legalBasis: string;
  consentRequired: boolean;
  tailored: boolean;
  revealsConcern: boolean;
  responsibleUnitId: string;
  active: boolean;
}

/** The form's values of an offer (a new one: empty, active). */
export function typeValues(type: InterventionType | null): TypeValues {
  return {
    code: type?.code ?? '',
    name: type?.name ?? '',
    description: type?.description ?? '',
    level: type?.level ?? '',
    ageGroup: type?.ageGroup ?? '',
    legalBasis: type?.legalBasis ?? '',
    consentRequired: type?.consentRequired ?? false,
    tailored: type?.tailored ?? false,
    revealsConcern: type?.revealsConcern ?? false,
    responsibleUnitId: type?.responsibleUnitId ?? '',
    active: type?.active ?? true,
  };
}

const orNull = (text: string) => (text.trim() ? text : null);

function common(values: TypeValues) {
  return {
    name: values.name,
    description: orNull(values.description),
    legalBasis: orNull(values.legalBasis),
    consentRequired: values.consentRequired,
    tailored: values.tailored,
    revealsConcern: values.revealsConcern,
    responsibleUnitId: values.responsibleUnitId || null,
  };
}

/** A new offer (a level or age group not chosen is left for the schema to name). */
export function createBody(values: TypeValues): CreateTypeBody {
  return {
    ...common(values),
    code: values.code,
    level: values.level as Level,
    ageGroup: values.ageGroup as AgeGroup,
  };
}

/** A change of `type`, with the version the form started from (the code cannot change). */
export function updateBody(values: TypeValues, type: InterventionType): UpdateTypeBody {
  return {
    ...common(values),
    version: type.version,
    active: values.active,
    ...(values.level && { level: values.level }),
    ...(values.ageGroup && { ageGroup: values.ageGroup }),
  };
}

/** The form's check: the body the values make, by the server's schema for it. */
export function typeSchema(type: InterventionType | null) {
  return z
    .custom<TypeValues>(() => true)
    .superRefine((values, ctx) => {
      const parsed = type
        ? UpdateInterventionTypeBody.safeParse(updateBody(values, type), { error: issueMessage })
        : CreateInterventionTypeBody.safeParse(createBody(values), { error: issueMessage });
      if (parsed.success) return;
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        if (seen.has(path)) continue;
        seen.add(path);
        ctx.addIssue(saidIssue(path, issue.message));
      }
    });
}
