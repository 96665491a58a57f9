/** What `decide` needs besides the dossier and the action: who acts, and the procedure's rules and clock. */
import type { Role } from '../access/roles';
import type { DeadlinePolicy } from '../calendar/deadline-events';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { HandOverRule } from './handover';

/** The person acting, with the roles they hold over the dossier's unit (the server resolves scope). */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** A component of the procedure's checklist; `id` is what the intake screen ticks. */
export interface ProcedureComponent {
  id: string;
  name: string;
  required: boolean;
}

/** The instant, calendar and procedure rules an action is decided against. */
export interface DecideContext {
  now: number;
  calendar: WorkingCalendar;
  /** Legal time and step budgets of the dossier's procedure (steps in workflow order). */
  policy: DeadlinePolicy;
  /** The procedure's checklist, needed by accept. */
  components?: readonly ProcedureComponent[];
  handOverRule?: HandOverRule;
  /** The version the caller saw; a different current version is refused with DOSSIER_VERSION_STALE. */
  expectedVersion?: number;
}
