/**
 * Marks a statement that PostgreSQL keeps prepared on each connection (`database.ts`): put it first
 * in the SQL text of hot statements whose text never varies (values only as parameters) and whose
 * result columns are listed, never `*`. Planning was most of the database's work for the short
 * queries every request makes. It is a plain comment, so the embedded engine simply ignores it.
 */
export const PREPARED = '/* prepared */';
