import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../../server/access/roles.ts';
import type { AuditAction } from '../../../../server/platform/audit/tables.ts';
import type { PoliceDistrict, UnitKind } from '../../../../server/modules/organisation/schema.ts';
import type {
  AdminUnit,
  AdminUser,
  AuditEntry,
  AuditVerify,
} from '../../../../server/modules/admin/schema.ts';
import type { UpdateSettingsBody } from '../../../../server/modules/inquiries/schema.ts';
import type { ChooseModel } from '../../../../server/modules/inquiries/schema-organisation.ts';
import { SESSION_QUERY_KEY } from '../../app/session';
import { apiGet, apiSend, withQuery } from '../../app/api';
import { inOrder } from '../../app/valueOrder';
import { INQUIRIES_QUERY_KEY, SETTINGS_QUERY_KEY, type Settings } from '../inquiries/inquiriesApi';

export type { AdminUnit, AdminUser, AuditEntry, AuditVerify, AuditAction, Role, UnitKind };
export type { Settings };
export type SettingsChange = z.input<typeof UpdateSettingsBody>;

/** Every role, in the order the forms list them (a Record, so a new role fails to compile). */
const ROLE_ORDER: Record<Role, number> = {
  coordinator: 1,
  forum_member: 2,
  caseworker: 3,
  police_contact: 4,
  mentor: 5,
  hotline: 6,
  leader: 7,
  analyst: 8,
  data_protection: 9,
  municipal_admin: 10,
  system_admin: 11,
  partner: 12,
};
export const ROLES = inOrder(ROLE_ORDER);

/**
 * The roles a form offers. Administrators inside a municipality cannot grant the system
 * administrator role (the server refuses it), so it is not offered to them.
 */
export function grantableRoles(insideMunicipality: boolean): Role[] {
  // A partner's account is made by inviting them into a case (with their organisation), not here.
  const offered = ROLES.filter((r) => r !== 'partner');
  return insideMunicipality ? offered.filter((r) => r !== 'system_admin') : offered;
}

const UNIT_KIND_SET: Record<UnitKind, true> = {
  ssp: true,
  children_youth: true,
  social_family: true,
  jobcenter: true,
  integration: true,
  psychiatry_liaison: true,
  police_contact: true,
  prison_service_contact: true,
  housing_social_work: true,
  mentors_coaches: true,
};
export const UNIT_KINDS = Object.keys(UNIT_KIND_SET) as UnitKind[];

const AUDIT_ACTION_SET: Record<AuditAction, true> = {
  read: true,
  search: true,
  export: true,
  create: true,
  update: true,
  delete: true,
  disclose: true,
  login: true,
  login_failed: true,
  logout: true,
  permission_change: true,
  break_glass: true,
  merge: true,
  print: true,
};
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_SET) as AuditAction[];

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const ADMIN_KEY = 'admin';

export interface UserFilter {
  q?: string;
  role?: string;
  unitId?: string;
  status?: string;
}

/**
 * An admin list read 50 at a time (keyset pagination): `path` with the filter as its query and
 * the cursor of the page before as `after`, cached under `key`.
 */
function adminPages<T>(key: readonly unknown[], path: string, filter: UserFilter | AuditFilter) {
  return infiniteQueryOptions({
    queryKey: [ADMIN_KEY, ...key],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiGet<Page<T>>(withQuery(path, { ...filter, after: pageParam, limit: '50' }), { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUserList(filter: UserFilter) {
  return useInfiniteQuery({
    ...adminPages<AdminUser>(['users', 'list', filter], '/api/admin/users', filter),
    placeholderData: keepPreviousData,
  });
}

export function useAdminUser(id: string) {
  return useQuery({
    queryKey: [ADMIN_KEY, 'users', 'one', id],
    queryFn: ({ signal }) =>
      apiGet<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAdminUnits(municipality?: string) {
  return useQuery({
    queryKey: [ADMIN_KEY, 'units', municipality ?? ''],
    queryFn: ({ signal }) =>
      apiGet<{ items: AdminUnit[] }>(withQuery('/api/admin/units', { municipality }), { signal }),
    select: (data) => data.items,
  });
}

export interface AuditFilter {
  from?: string;
  to?: string;
  action?: string;
  actorUserId?: string;
  resourceType?: string;
  resourceId?: string;
  subjectPersonId?: string;
  breakGlass?: string;
}

export function useAuditTrail(filter: AuditFilter) {
  return useInfiniteQuery({
    ...adminPages<AuditEntry>(['audit', filter], '/api/admin/audit', filter),
    // The trail is read on purpose (each read is logged), not refreshed in the background.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The police districts (public reference data), for creating police staff. */
export function usePoliceDistricts(enabled: boolean) {
  return useQuery({
    queryKey: ['policeDistricts'],
    queryFn: ({ signal }) =>
      apiGet<{ items: PoliceDistrict[] }>('/api/police-districts', { signal }),
    select: (data) => data.items,
    enabled,
    staleTime: Infinity,
  });
}

export const verifyAuditTrail = () => apiGet<AuditVerify>('/api/admin/audit/verify');

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  unitIds: string[];
  password: string;
  email?: string;
  municipalityCode?: string;
  /** System administrators only: police staff work for a district instead of a municipality. */
  policeDistrictId?: number;
}

export const createUser = (body: NewUser) => apiSend<AdminUser>('POST', '/api/admin/users', body);

export const updateUser = (
  id: string,
  body: {
    version: number;
    displayName?: string;
    email?: string | null;
    roles?: Role[];
    unitIds?: string[];
  },
) => apiSend<AdminUser>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, body);

export type UserAction = 'disable' | 'enable' | 'reset-second-factor';

export const userAction = (id: string, action: UserAction) =>
  apiSend<AdminUser>('POST', `/api/admin/users/${encodeURIComponent(id)}/${action}`);

export const createUnit = (body: { name: string; kind: UnitKind; municipalityCode?: string }) =>
  apiSend<AdminUnit>('POST', '/api/admin/units', body);

export const renameUnit = (id: string, body: { name: string; version: number }) =>
  apiSend<AdminUnit>('PATCH', `/api/admin/units/${encodeURIComponent(id)}`, body);

/** After a change: every cached admin list and record is fetched again when next shown. */
export function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return (what: 'users' | 'units') =>
    queryClient.invalidateQueries({ queryKey: [ADMIN_KEY, what] });
}

/**
 * The municipality's inquiry settings, fetched afresh each time the settings page opens (the
 * form starts from the stored values). Shares its cache with the inquiries module.
 */
export function useMunicipalitySettings() {
  return useQuery({
    queryKey: SETTINGS_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<Settings>('/api/municipality-settings', { signal }),
    refetchOnMount: 'always',
  });
}

export const updateSettings = (body: SettingsChange) =>
  apiSend<Settings>('PATCH', '/api/municipality-settings', body);

/** Choose the organisation model: its defaults replace the settings it decides. */
export const chooseModel = (body: ChooseModel) =>
  apiSend<Settings>('PUT', '/api/municipality-settings/organisation-model', body);

/**
 * After saving the settings: the answer is the new settings; the inquiries (whose deadlines and
 * approval depend on them) are fetched again when next shown.
 */
export function useStoreSettings() {
  const queryClient = useQueryClient();
  return async (settings: Settings) => {
    queryClient.setQueryData(SETTINGS_QUERY_KEY, settings);
    // The session carries the organisation model's flags (what the menus show).
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    await queryClient.invalidateQueries({
      queryKey: INQUIRIES_QUERY_KEY,
      predicate: (query) => query.queryKey[1] !== SETTINGS_QUERY_KEY[1],
    });
  };
}
