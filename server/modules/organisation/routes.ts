import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { routeKit } from '../../platform/route-kit.ts';
import {
  MunicipalityListQuery,
  MunicipalityListSchema,
  MunicipalityParams,
  MunicipalitySchema,
  PoliceDistrictSchema,
  UnitKindSchema,
  UnitSchema,
} from './schema.ts';
import * as queries from './queries.ts';

/** Reference data: municipalities, police districts, unit kinds and a municipality's units. */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const route = routeKit(app, ['organisation']);

  route.get(
    '/api/municipalities',
    {
      policy: 'public',
      summary: 'List municipalities (keyset pagination by code)',
      querystring: MunicipalityListQuery,
      response: { 200: MunicipalityListSchema },
    },
    async (request) => queries.listMunicipalities(app.database.db, request.query),
  );

  route.get(
    '/api/municipalities/:code',
    {
      policy: 'public',
      summary: 'One municipality with its police district',
      params: MunicipalityParams,
      response: { 200: MunicipalitySchema },
    },
    async (request) => {
      const municipality = await queries.findMunicipality(app.database.db, request.params.code);
      if (!municipality) throw new AppError('not_found');
      return municipality;
    },
  );

  route.get(
    '/api/municipalities/:code/units',
    {
      policy: 'public',
      summary: "A municipality's organisational units",
      params: MunicipalityParams,
      response: { 200: z.object({ items: z.array(UnitSchema) }) },
    },
    async (request) => {
      const municipality = await queries.findMunicipality(app.database.db, request.params.code);
      if (!municipality) throw new AppError('not_found');
      return { items: await queries.listUnits(app.database.db, request.params.code) };
    },
  );

  route.get(
    '/api/police-districts',
    {
      policy: 'public',
      summary: 'The police districts and the municipalities each covers',
      response: { 200: z.object({ items: z.array(PoliceDistrictSchema) }) },
    },
    async () => ({ items: await queries.listPoliceDistricts(app.database.db) }),
  );

  route.get(
    '/api/unit-kinds',
    {
      policy: 'public',
      summary: 'Kinds of organisational unit (translated by the web app)',
      response: { 200: z.object({ items: z.array(UnitKindSchema) }) },
    },
    async () => ({ items: await queries.listUnitKinds(app.database.db) }),
  );
};
