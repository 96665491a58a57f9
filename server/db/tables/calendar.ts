/** Tables of the legal clock (calendar overrides, working hours). Filled in by the calendar feature. */
// biome-ignore lint/suspicious/noEmptyInterface: placeholder until the calendar migration lands
export interface CalendarTables {}
