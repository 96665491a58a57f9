import type { Config } from '../config/config';
import type { Database } from '../db/database';

/** What every feature's routes are built with. */
export interface AppDeps {
  config: Config;
  database: Database;
  version: string;
  /** The clock of features that judge deadlines against the present (reform tasks, the graded year); tests inject one. Default Date.now. */
  now?: () => number;
}
