import { describe, expect, it } from 'vitest';
import {
  CASE_PARTS,
  abilitiesByPlace,
  caseAbilities,
  hasCaseAbility,
  requireCaseAbility,
} from './case-abilities.ts';
import type { CaseAccess } from './records.ts';

const base: CaseAccess = {
  caseId: '00000000-0000-4000-8000-000000000001',
  municipalityCode: '0101',
  role: 'coordinator',
  scope: 'full',
  compartment: true,
  breakGlass: false,
  breakGlassUntil: null,
  unitId: null,
  purposeLimit: null,
};
const coordinator = base;
const forum: CaseAccess = { ...base, role: 'forum' };
const member: CaseAccess = { ...base, role: 'member', compartment: false };
const mentor: CaseAccess = { ...base, role: 'member', scope: 'intervention', compartment: false };
const breakGlass: CaseAccess = {
  ...base,
  role: null,
  breakGlass: true,
  breakGlassUntil: new Date('2026-12-04T12:00:00Z'),
};

describe('case abilities: one table of who may do what', () => {
  it('lets the coordinator do everything on an open case', () => {
    const abilities = caseAbilities(coordinator, 'active');
    for (const part of CASE_PARTS) expect(abilities[part].read, part).toBe(true);
    expect(abilities.plan).toEqual({ read: true, write: true, approve: true });
    expect(abilities.closure).toEqual({ read: true, write: true, approve: true });
    expect(abilities.members.write).toBe(true);
    expect(abilities.classification.write).toBe(true);
  });

  it('lets a forum member assess but not approve the plan, change members or the classification', () => {
    const abilities = abilitiesByPlace(forum);
    expect(abilities.assessment).toEqual({ read: true, write: true, approve: true });
    expect(abilities.plan).toEqual({ read: true, write: true, approve: false });
    expect(abilities.members.write).toBe(false);
    expect(abilities.classification.write).toBe(false);
    expect(abilities.closure.approve).toBe(false);
  });

  it('keeps a member without the compartment out of the assessment and the concern', () => {
    const abilities = abilitiesByPlace(member);
    expect(abilities.assessment.write).toBe(false);
    expect(abilities.compartment).toEqual({ read: false, write: false, approve: false });
    expect(abilities.notes.write).toBe(true);
    expect(abilities.followUps.write).toBe(true);
  });

  it('lets an intervention-scoped mentor log sessions and nothing else of the case', () => {
    const abilities = abilitiesByPlace(mentor);
    expect(abilities.sessions).toEqual({ read: true, write: true, approve: false });
    expect(abilities.interventions).toEqual({ read: true, write: false, approve: false });
    for (const part of [
      'notes',
      'plan',
      'assessment',
      'followUps',
      'closure',
      'members',
    ] as const) {
      expect(abilities[part].read, part).toBe(false);
    }
  });

  it('gives a break-the-glass reader the whole case to read and nothing to write', () => {
    const abilities = abilitiesByPlace(breakGlass);
    for (const part of CASE_PARTS) {
      expect(abilities[part].write, part).toBe(false);
      expect(abilities[part].approve, part).toBe(false);
    }
    expect(abilities.plan.read).toBe(true);
    expect(abilities.compartment.read).toBe(true);
  });

  it('closes the work parts of a closed case but keeps the re-review decision', () => {
    const abilities = caseAbilities(coordinator, 'under_review');
    expect(abilities.plan.write).toBe(false);
    expect(abilities.sessions.write).toBe(false);
    expect(abilities.closure).toEqual({ read: true, write: false, approve: true });
    expect(abilities.notes.write).toBe(true);
  });

  it('answers forbidden through requireCaseAbility exactly where the table says no', () => {
    expect(() => requireCaseAbility(mentor, 'plan', 'read')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => requireCaseAbility(mentor, 'sessions', 'write')).not.toThrow();
    expect(hasCaseAbility(forum, 'plan', 'approve')).toBe(false);
  });
});
