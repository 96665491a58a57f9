import type { PortalMe } from '@core/citizens/api';
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActingFor } from './session';

/**
 * For a business representative: act as themselves or as one of the organisations they represent
 * (each has its own dossiers). A native select: the phone's own picker, labelled, keyboard-ready.
 */
export function ActingForSwitch({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const actingFor = useActingFor();
  return (
    <NativeSelect
      label={t('portal.area.actingFor')}
      value={me.actingFor?.taxCode ?? ''}
      disabled={actingFor.isPending}
      onChange={(event) => actingFor.mutate(event.currentTarget.value || null)}
      data={[
        { value: '', label: t('portal.area.myself', { name: me.fullName }) },
        ...me.organisations.map((o) => ({ value: o.taxCode, label: t('portal.area.organisation', { name: o.name, taxCode: o.taxCode }) })),
      ]}
      error={actingFor.error?.message}
      maw="100%"
    />
  );
}
