import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../../server/config/config';
import { adminQuery, buildPgliteTemplate, buildPostgresTemplate } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Builds one migrated, seeded template per engine before any test file runs; every test file
 * then clones its own database from it (PGlite: loadDataDir, ~0.7 s; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const dir = path.resolve('.tmp', `vitest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'pglite-template.tar');
  const pgUrl = testDatabaseUrl();
  const [, pgTemplate] = await Promise.all([buildPgliteTemplate(file), pgUrl ? buildPostgresTemplate(pgUrl) : Promise.resolve(null)]);
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', pgTemplate);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgUrl && pgTemplate) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
  };
}
