import { useQuery } from '@tanstack/react-query';
import type {
  Contribution,
  ContributionInput,
  OverviewEntry,
  OverviewItem,
  OverviewResponse,
  Round,
  RoundDetail,
  RoundList,
} from '../../../../server/modules/area-rounds/schema.ts';
import { apiGet, apiSend } from '../../app/api';

/** The mapping rounds of `server/modules/area-rounds/routes.ts`, as the web app uses it. */
export type {
  Contribution,
  ContributionInput,
  OverviewEntry,
  OverviewItem,
  OverviewResponse,
  Round,
  RoundDetail,
  RoundList,
};
export {
  CreateContributionBody,
  StartRoundBody,
} from '../../../../server/modules/area-rounds/schema.ts';
export {
  AREA_SIGNS,
  CONTRIBUTION_CATEGORIES,
  CONTRIBUTION_STANCES,
  GROUP_SIGNS,
  PERSON_CATEGORIES,
  SIGN_CATEGORIES,
  signsOf,
  type ContributionCategory,
  type SignCode,
} from '../../../../shared/housing-areas.ts';

const base = (areaId: string) => `/api/housing-areas/${areaId}/rounds`;
export const roundsKey = (areaId: string) => ['housing-areas', areaId, 'rounds'];

export function useRounds(areaId: string) {
  return useQuery({
    queryKey: roundsKey(areaId),
    queryFn: ({ signal }) => apiGet<RoundList>(base(areaId), { signal }),
  });
}

export function useRound(areaId: string, roundId: string) {
  return useQuery({
    queryKey: [...roundsKey(areaId), roundId],
    queryFn: ({ signal }) => apiGet<RoundDetail>(`${base(areaId)}/${roundId}`, { signal }),
  });
}

export function useOverview(areaId: string, roundId: string) {
  return useQuery({
    queryKey: [...roundsKey(areaId), roundId, 'overview'],
    queryFn: ({ signal }) =>
      apiGet<OverviewResponse>(`${base(areaId)}/${roundId}/overview`, { signal }),
  });
}

export const startRound = (
  areaId: string,
  body: {
    id: string;
    heldOn: string | null;
    participants: string | null;
    meetingId: string | null;
  },
) => apiSend<Round>('POST', base(areaId), body);

export const closeRound = (areaId: string, roundId: string, version: number) =>
  apiSend<Round>('POST', `${base(areaId)}/${roundId}/close`, { version });

export const addContribution = (areaId: string, roundId: string, body: ContributionInput) =>
  apiSend<Contribution>('POST', `${base(areaId)}/${roundId}/contributions`, body);

export const deleteContribution = (areaId: string, roundId: string, id: string, version: number) =>
  apiSend<void>('DELETE', `${base(areaId)}/${roundId}/contributions/${id}?version=${version}`);

export const systematise = (
  areaId: string,
  roundId: string,
  body: { version: number; items: OverviewItem[] },
  update: boolean,
) =>
  apiSend<OverviewResponse>(update ? 'PUT' : 'POST', `${base(areaId)}/${roundId}/overview`, body);
