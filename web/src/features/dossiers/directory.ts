/** Names of units and staff for the dossier screens: units are public; staff only for holders of `users.read`. */
import type { Role } from '@core/access/roles';
import type { Unit } from '@core/org/unit';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../i18n/locale';
import { can, useMe } from '../auth/session';
import { useUnits } from '../units/queries';
import { type StaffMember, useStaffDirectory } from './queries';

/** True when `unitId` is `ancestorId` or lies below it. */
export function isWithin(byId: ReadonlyMap<string, Unit>, unitId: string, ancestorId: string): boolean {
  let current: Unit | undefined = byId.get(unitId);
  for (let depth = 0; current && depth < 50; depth++) {
    if (current.id === ancestorId) return true;
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return false;
}

/** The organisation tree indexed by id and by code. */
export function useUnitIndex() {
  const units = useUnits();
  return useMemo(() => {
    const list = units.data ?? [];
    return { units: list, byId: new Map(list.map((u) => [u.id, u])), byCode: new Map(list.map((u) => [u.code, u])), isPending: units.isPending };
  }, [units.data, units.isPending]);
}

/** A unit's name by its code, the code itself while the tree loads. */
export function useUnitName() {
  const { byCode } = useUnitIndex();
  return (code: string | null | undefined) => (code ? (byCode.get(code)?.name ?? code) : '—');
}

/**
 * Choices of unit for a hand-over or a transfer: first the units that carry out the procedure and
 * the divisions under them, then every other active unit; the unit handling it now is left out.
 */
export function unitChoices(index: ReturnType<typeof useUnitIndex>, preferredCodes: readonly string[], exceptCode: string | null, labels: { preferred: string; others: string }) {
  const preferredIds = preferredCodes.map((c) => index.byCode.get(c)?.id).filter((id): id is string => Boolean(id));
  const active = index.units.filter((u) => u.active && u.code !== exceptCode);
  const preferred = active.filter((u) => preferredIds.some((id) => isWithin(index.byId, u.id, id)));
  const others = active.filter((u) => !preferred.includes(u)).sort((a, b) => compareVietnamese(a.name, b.name));
  const option = (u: Unit) => ({ value: u.code, label: `${u.name} (${u.code})` });
  return [
    ...(preferred.length > 0 ? [{ group: labels.preferred, items: preferred.map(option) }] : []),
    { group: labels.others, items: others.map(option) },
  ];
}

const NO_NAMES: Readonly<Record<string, string>> = {};

/**
 * Who is who: names for the ids a dossier records (`known`, the dossier view's `people`), and the
 * people who may be picked for a step (from the users list, for holders of `users.read`).
 */
export function usePeople(known: Readonly<Record<string, string>> = NO_NAMES) {
  const { t } = useTranslation();
  const me = useMe().data;
  const readable = can(me, 'users.read');
  const staff = useStaffDirectory(readable);
  const index = useUnitIndex();
  return useMemo(() => {
    return {
      /** Staff can be listed (the person holds `users.read` and the list loaded). */
      listed: readable && staff.isSuccess,
      /**
       * A person's name; "you" for oneself. The dossier view names every staff member it mentions,
       * so an id it leaves unnamed is no staff account: the applicant acting online.
       */
      nameOf(id: string | null | undefined): string {
        if (!id) return '—';
        if (id === me?.user.id) return t('dossiers.page.you', { name: me.user.fullName });
        return known[id] ?? t('dossiers.page.applicantActor');
      },
      /** Staff holding one of the roles in the unit or a unit below it (or over it with their sub-tree). */
      candidates(roles: readonly Role[], unitCode: string): StaffMember[] {
        const unit = index.byCode.get(unitCode);
        if (!unit) return [];
        return (staff.data ?? [])
          .filter((s) =>
            s.roles.some((r) => roles.includes(r.role) && (isWithin(index.byId, r.unitId, unit.id) || (r.includeSubtree && isWithin(index.byId, unit.id, r.unitId)))),
          )
          .sort((a, b) => compareVietnamese(a.fullName, b.fullName));
      },
    };
  }, [staff.data, staff.isSuccess, readable, me, t, index, known]);
}
