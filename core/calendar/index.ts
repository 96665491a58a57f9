/** Public surface of the calendar domain: what the API and other domains import. */
export * from './deadline';
export * from './deadline-events';
export * from './due';
export * from './holidays';
export * from './lunar';
export * from './schemas';
export * from './time';
export * from './working-calendar';
