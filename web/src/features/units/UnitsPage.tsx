import type { Unit } from '@core/org/unit';
import { Button, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { useUnits } from './queries';
import { UnitSummary } from './UnitSummary';
import { buildUnitTree, type UnitNode } from './unit-tree';

interface BranchProps {
  node: UnitNode;
  byId: ReadonlyMap<string, Unit>;
  level: number;
  expandAll: boolean;
}

/** One unit and, in a native disclosure the user can fold, its sub-units. Only the root starts open unless "expand all". */
function UnitBranch({ node, byId, level, expandAll }: BranchProps) {
  const successor = node.unit.successorId ? byId.get(node.unit.successorId) : undefined;
  const summary = <UnitSummary unit={node.unit} successor={successor} />;
  return (
    <li>
      {node.children.length === 0 ? (
        <div className="unit-row">
          <span className="unit-marker" />
          {summary}
        </div>
      ) : (
        <details open={expandAll || level < 1}>
          <summary className="unit-row">
            <IconChevronRight className="unit-marker unit-chevron" size={16} aria-hidden />
            {summary}
          </summary>
          <ul>
            {node.children.map((child) => (
              <UnitBranch key={child.unit.id} node={child} byId={byId} level={level + 1} expandAll={expandAll} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** The organisation tree, built client-side from parent links, closed units marked with their successor. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [expandAll, setExpandAll] = useState(false);
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const roots = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  return (
    <>
      <PageHeader
        title={t('units.title')}
        intro={t('units.intro')}
        actions={
          units.data && (
            <Button variant="default" size="xs" onClick={() => setExpandAll((v) => !v)} aria-controls="unit-tree">
              {expandAll ? t('units.collapseAll') : t('units.expandAll')}
            </Button>
          )
        }
      />
      {units.isPending && <Loading />}
      {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('units.total', { total: units.data.length, active: units.data.filter((u) => u.active).length })}
          </Text>
          {/* Remounting on toggle resets every <details> to the new default, whatever the user folded. */}
          <ul className="unit-tree" id="unit-tree" aria-label={t('units.treeLabel')} key={String(expandAll)}>
            {roots.map((node) => (
              <UnitBranch key={node.unit.id} node={node} byId={byId} level={0} expandAll={expandAll} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
