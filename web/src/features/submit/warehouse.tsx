import type { ChecklistItem, DraftView } from '@core/portal/api';

/**
 * Extension point for the only-once principle: documents the person already holds in the
 * electronic data warehouse (issue 7), offered for reuse instead of a new upload.
 *
 * The warehouse does not exist yet, so nothing is offered — never a made-up document. When it does:
 * the checklist item needs the component's `documentType` (catalogue field `components[].documentType`)
 * from the API, this component lists the person's valid documents of that type
 * (`GET /api/v1/portal/warehouse/...`), and attaching one answers the updated draft to `onAttached`.
 */
export function WarehouseOffers(_props: { draftId: string; item: ChecklistItem; onAttached(view: DraftView): void }) {
  return null;
}
