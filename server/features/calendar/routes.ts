import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_KINDS } from '@core/calendar/holidays';
import { calendarDateParam, calendarDaysQuery, dueQuery, overrideBody, parseScheduleCsv, parseScheduleJson } from '@core/calendar/schemas';
import { computeDue } from '@core/calendar/due';
import { DEFAULT_WORKING_PERIODS } from '@core/calendar/working-calendar';
import { workingHoursBody, workingPeriodsSchema } from '@core/calendar/working-hours-schema';
import { AppError } from '@core/errors/app-error';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { findUnit, findUnitByCode } from '../org/queries';
import { authorizeUnit } from '../org/scope';
import { CalendarCache } from './calendar-cache';
import { removeOverride, setOverride, setOverrides, setWorkingHours } from './commands';
import { effectiveWorkingHours, listOverrides } from './queries';

const daySchema = z.object({ date: z.string(), working: z.boolean(), kind: z.enum(DAY_KINDS), name: z.string().nullable() });
const overrideSchema = z.object({ date: z.string(), working: z.boolean(), name: z.string() });
const MAX_SCHEDULE_BYTES = 512 * 1024;

/** Year guard shared by single and bulk overrides: the calendar is defined for 1900–2199 only. */
function assertYear(date: string) {
  const year = Number(date.slice(0, 4));
  if (year < 1900 || year > 2199) throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { fields: [{ field: 'date', code: 'CALENDAR_YEAR_OUT_OF_RANGE', message: date }] });
}

/** Decodes an uploaded schedule by its content: strict UTF-8, then JSON or CSV by extension. */
function parseScheduleFile(filename: string, bytes: Buffer) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('CALENDAR_IMPORT_INVALID', { params: { line: 0, reason: 'not UTF-8 text' } });
  }
  const ext = path.extname(filename).toLowerCase();
  if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError('CALENDAR_IMPORT_INVALID', { params: { line: 0, reason: 'invalid JSON' } });
    }
    return parseScheduleJson(value);
  }
  if (ext === '.csv') return parseScheduleCsv(text);
  throw new AppError('UNSUPPORTED_MEDIA_TYPE');
}

/** The legal clock over HTTP: public calendar and due dates; administrators edit official overrides and working hours. */
export function calendarRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const calendars = new CalendarCache(db);
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_SCHEDULE_BYTES, files: 1, fields: 5 } });

    app.get(
      '/api/v1/calendar/days',
      { config: access('public'), schema: { tags: ['calendar'], summary: 'Working and non-working days with the reason', querystring: calendarDaysQuery, response: { 200: z.object({ days: z.array(daySchema) }) } } },
      async (req) => ({ days: (await calendars.forUnit()).days(req.query.from, req.query.to) }),
    );

    app.get(
      '/api/v1/calendar/due',
      { config: access('public'), schema: { tags: ['calendar'], summary: 'Due instant of a legal time limit, with the explanation', querystring: dueQuery } },
      async (req) => {
        let unitId: string | undefined;
        if (req.query.unitCode) {
          const unit = await findUnitByCode(db, req.query.unitCode);
          if (!unit) throw new AppError('NOT_FOUND', { fields: [{ field: 'unitCode', code: 'not_found', message: req.query.unitCode }] });
          unitId = unit.id;
        }
        return computeDue(await calendars.forUnit(unitId), req.query);
      },
    );

    app.get(
      '/api/v1/calendar/overrides',
      { config: access('public'), schema: { tags: ['calendar'], summary: 'Official overrides', querystring: z.object({ from: calendarDaysQuery.shape.from.optional(), to: calendarDaysQuery.shape.to.optional() }), response: { 200: z.object({ overrides: z.array(overrideSchema) }) } } },
      async (req) => ({ overrides: (await listOverrides(db, req.query.from, req.query.to)).map((o) => ({ date: o.date, working: o.working, name: o.name })) }),
    );

    app.put(
      '/api/v1/calendar/days/:date',
      { config: access({ permission: 'calendar.manage' }), schema: { tags: ['calendar'], summary: 'Set an official override for a date', params: calendarDateParam, body: overrideBody, response: { 200: z.object({ day: daySchema }) } } },
      async (req) => {
        const actor = requireActor(req);
        assertYear(req.params.date);
        await setOverride({ db, actor: auditActorOf(actor), requestId: req.id }, { date: req.params.date, ...req.body });
        const [day] = (await calendars.forUnit()).days(req.params.date, req.params.date);
        return { day: day! };
      },
    );

    app.delete(
      '/api/v1/calendar/days/:date',
      { config: access({ permission: 'calendar.manage' }), schema: { tags: ['calendar'], summary: 'Remove the override of a date', params: calendarDateParam, response: { 200: z.object({ day: daySchema }) } } },
      async (req) => {
        await removeOverride({ db, actor: auditActorOf(requireActor(req)), requestId: req.id }, req.params.date);
        const [day] = (await calendars.forUnit()).days(req.params.date, req.params.date);
        return { day: day! };
      },
    );

    app.post(
      '/api/v1/calendar/overrides/import',
      { config: access({ permission: 'calendar.manage' }), schema: { tags: ['calendar'], summary: 'Import an official schedule (.json or .csv, multipart field "file")', consumes: ['multipart/form-data'], response: { 200: z.object({ imported: z.number().int() }) } } },
      async (req) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const file = await req.file();
        if (!file) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'required', message: 'file' }] });
        const bytes = await file.toBuffer();
        const entries = parseScheduleFile(file.filename, bytes);
        for (const e of entries) assertYear(e.date);
        return { imported: await setOverrides({ db, actor: auditActorOf(actor), requestId: req.id }, entries) };
      },
    );

    app.get(
      '/api/v1/units/:id/working-hours',
      { config: access('public'), schema: { tags: ['calendar'], summary: 'Working hours in force for a unit', params: z.object({ id: z.uuid() }), response: { 200: z.object({ periods: workingPeriodsSchema, inheritedFrom: z.uuid().nullable() }) } } },
      async (req) => {
        if (!(await findUnit(db, req.params.id))) throw new AppError('NOT_FOUND');
        const found = await effectiveWorkingHours(db, req.params.id);
        return { periods: (found?.periods ?? DEFAULT_WORKING_PERIODS) as z.infer<typeof workingPeriodsSchema>, inheritedFrom: found && found.unitId !== req.params.id ? found.unitId : null };
      },
    );

    app.put(
      '/api/v1/units/:id/working-hours',
      { config: access({ permission: 'calendar.manage' }), schema: { tags: ['calendar'], summary: 'Set the working hours of a unit and its sub-tree', params: z.object({ id: z.uuid() }), body: workingHoursBody, response: { 200: z.object({ periods: workingPeriodsSchema }) } } },
      async (req) => {
        const actor = requireActor(req);
        await authorizeUnit(db, actor, 'calendar.manage', req.params.id);
        await setWorkingHours({ db, actor: auditActorOf(actor), requestId: req.id }, req.params.id, req.body.periods);
        return { periods: req.body.periods };
      },
    );
  };
}
