/** Minimal shape the tree functions need. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  successorId: string | null;
}

/** The unit and all its ancestors, nearest first. Stops on a cycle instead of looping. */
export function ancestorPath(unitId: string, byId: ReadonlyMap<string, TreeNode>): string[] {
  const path: string[] = [];
  let current: string | null = unitId;
  while (current && !path.includes(current)) {
    path.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return path;
}

/** True when making `parentId` the parent of `unitId` would put a unit under itself. */
export function wouldCreateCycle(unitId: string, parentId: string, byId: ReadonlyMap<string, TreeNode>): boolean {
  return ancestorPath(parentId, byId).includes(unitId);
}

/**
 * Every unit whose reports roll up to `unitId`: itself, its sub-tree, and every unit merged
 * into any of those (following successor links transitively), with their sub-trees.
 */
export function rollUpUnitIds(unitId: string, nodes: readonly TreeNode[]): Set<string> {
  const children = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
    if (n.successorId) predecessors.set(n.successorId, [...(predecessors.get(n.successorId) ?? []), n.id]);
  }
  const result = new Set<string>();
  const queue = [unitId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    queue.push(...(children.get(id) ?? []), ...(predecessors.get(id) ?? []));
  }
  return result;
}
