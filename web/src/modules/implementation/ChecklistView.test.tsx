import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPLEMENTATION_ITEMS } from '../../../../shared/implementation.ts';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { ChecklistView as View } from './ChecklistView';
import type { ProfileVersions as Versions } from './ProfileVersions';
import type { Checklist, ImplementationItem, ProfileVersion } from './implementationApi';

/**
 * The implementation follow-up's pages in Danish: the checklist grouped by the model's four
 * parts with each item's status, responsible, evidence and next review; "Gennemgå tjeklisten"
 * only where the server's abilities allow changes (a leader reads); the self-profile's versions
 * with what changed in words.
 */
let ChecklistView: typeof View;
let ProfileVersions: typeof Versions;
beforeAll(async () => {
  ({ ChecklistView } = await importWithI18n(() => import('./ChecklistView')));
  ({ ProfileVersions } = await importWithI18n(() => import('./ProfileVersions')));
});

const items: ImplementationItem[] = IMPLEMENTATION_ITEMS.map((d) => ({
  ...d,
  status: 'not_started',
  notRelevantReason: null,
  responsibleUser: null,
  responsibleText: null,
  evidence: null,
  nextReviewOn: null,
  reviewDue: false,
  updatedAt: null,
  updatedBy: null,
  version: 0,
}));
items[0] = {
  ...items[0]!,
  status: 'in_place',
  responsibleText: 'Styregruppen',
  evidence: 'Referat fra styregruppen 3/9',
  nextReviewOn: '2027-03-01',
  reviewDue: true,
  version: 2,
};

const checklist = (edit: boolean): Checklist => ({
  items,
  reviews: [],
  nextReviewOn: null,
  reviewDue: false,
  abilities: { read: true, edit },
});

const render = (edit: boolean) =>
  renderWithQuery(
    <MemoryRouter>
      <ChecklistView />
    </MemoryRouter>,
    ['implementation', 'checklist'],
    checklist(edit),
  );

describe('ChecklistView', () => {
  it("groups the items by the model's parts, with status, responsible, evidence and review", () => {
    const html = render(true);
    const parts = [
      'Del 1: Det tværfaglige samarbejde',
      'Fase 1: Koordineret identifikation',
      'Fase 2: Analyse',
      'Fase 3: Helhedsorienteret indsats',
    ];
    const at = parts.map((p) => html.indexOf(`>${p}</h2>`));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toContain('Samarbejdet er forankret i ledelsen');
    expect(html).toContain('På plads');
    expect(html).toContain('Styregruppen');
    expect(html).toContain('Referat fra styregruppen 3/9');
    expect(html).toContain('01.03.2027');
    expect(html).toContain('Skal gennemgås');
    expect(html).toContain('Kilde: Boligområdemodellen');
  });

  it('offers "Gennemgå tjeklisten" to a coordinator only, never to a reader', () => {
    expect(render(true)).toContain('Gennemgå tjeklisten');
    expect(render(false)).not.toContain('Gennemgå tjeklisten');
  });
});

describe('ProfileVersions', () => {
  it('lists the versions newest first and names what changed in words', () => {
    const answers = {
      strategy: 'adopted',
      strategyNote: null,
      workflows: 'partly',
      workflowsNote: null,
      anchoredIn: 'ssp',
      anchoredNote: null,
      actors: ['ssp', 'police'],
      groups: [],
      adHocActors: null,
      notes: null,
    } as const;
    const versions: ProfileVersion[] = [
      {
        number: 2,
        savedAt: '2026-12-01T10:00:00.000Z',
        savedBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Tove Tovholder' },
        answers: { ...answers, actors: [...answers.actors], groups: [] },
        changed: ['workflows'],
      },
    ];
    const html = renderToStaticMarkup(<ProfileVersions versions={versions} />);
    expect(html).toContain('Version 2');
    expect(html).toContain(
      'Ændret: Er der faste arbejdsgange for at identificere, udrede og planlægge indsatser?',
    );
    expect(html).toContain('SSP, Politiet');
    expect(html).toContain('Delvist');
  });
});
