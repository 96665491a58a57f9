import type { Decision } from '@core/catalogue/publication-api';
import type { PublicationDecisionRow } from '../../db/tables/catalogue';

/** The API shape of a decision with its items, owner unit and legal deadlines. */
export function presentDecision(
  d: PublicationDecisionRow,
  items: { procedure_code: string; procedure_name: string; change: string }[],
  unit: { code: string; name: string },
  deadlines: { publishDueOn: string | null; publiciseDueOn: string | null },
): Decision {
  return {
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuer: d.issuer,
    title: d.title,
    signedOn: d.signed_on,
    effectiveOn: d.effective_on,
    sourceId: d.source_id,
    publicisedOn: d.publicised_on,
    responsibleUnit: unit,
    items: items.map((i) => ({ code: i.procedure_code, name: i.procedure_name, change: i.change as Decision['items'][number]['change'] })),
    ...deadlines,
  };
}
