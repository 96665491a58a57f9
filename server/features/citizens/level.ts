import { type IdentityLevel, meetsLevel } from '@core/citizens/api';
import { AppError } from '@core/errors/app-error';
import type { CitizenActor } from '../../http/actor';

/** Refuses with PORTAL_IDENTITY_LEVEL_REQUIRED unless the signed-in person holds at least `required` (e.g. a procedure's `identityLevel`). */
export function requireLevel(citizen: Pick<CitizenActor, 'level'>, required: IdentityLevel): void {
  if (!meetsLevel(citizen.level, required)) throw new AppError('PORTAL_IDENTITY_LEVEL_REQUIRED');
}
