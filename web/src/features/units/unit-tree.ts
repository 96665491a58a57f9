import { type Unit, UNIT_KINDS } from '@core/org/unit';
import { compareVietnamese } from '../../i18n/locale';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const KIND_ORDER = new Map(UNIT_KINDS.map((kind, index) => [kind, index]));

/** Siblings in a stable, readable order: active before closed, then by kind, then alphabetically. */
export function compareUnits(a: Unit, b: Unit): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  const byKind = (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0);
  return byKind !== 0 ? byKind : compareVietnamese(a.name, b.name);
}

/**
 * Builds the tree from parent links. A unit whose parent is missing becomes a root, so nothing
 * the server sent is lost; walking from roots cannot loop, because a root has no parent.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
