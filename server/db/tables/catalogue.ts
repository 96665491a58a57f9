/** Tables of the procedure catalogue. Filled in by the catalogue feature. */
// biome-ignore lint/suspicious/noEmptyInterface: placeholder until the catalogue migration lands
export interface CatalogueTables {}
