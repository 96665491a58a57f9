import type { ProcedureSummary } from '@core/catalogue/api';
import { CHANNEL_LABELS, RETURN_METHOD_LABELS, RETURN_METHODS, type ReturnMethod } from '@core/dossier/channel';
import { Checkbox, Fieldset, Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { useMe } from '../auth/session';
import { fromLocalInput, toLocalInput } from './format';
import { ProcedurePicker } from './ProcedurePicker';

type Kind = 'citizen' | 'organisation';
type PaperChannel = 'counter' | 'postal';

/** Step 1 as typed: applicant, channel with postal details, return method. */
export interface Values {
  kind: Kind;
  idNumber: string;
  taxCode: string;
  name: string;
  representative: string;
  address: string;
  phone: string;
  email: string;
  channel: PaperChannel;
  trackingNumber: string;
  deliveredAt: string;
  returnMethod: ReturnMethod;
}

export const EMPTY: Values = {
  kind: 'citizen',
  idNumber: '',
  taxCode: '',
  name: '',
  representative: '',
  address: '',
  phone: '',
  email: '',
  channel: 'counter',
  trackingNumber: '',
  deliveredAt: '',
  returnMethod: 'counter',
};

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

/** The intake body from the form; empty optional fields are left out, as the API wants. */
export function bodyOf(procedure: ProcedureSummary | null, v: Values) {
  const contact = { name: v.name.trim(), address: optional(v.address), phone: optional(v.phone), email: optional(v.email) };
  return {
    procedureCode: procedure?.code ?? '',
    applicant:
      v.kind === 'citizen'
        ? { kind: 'citizen' as const, idNumber: v.idNumber.trim(), ...contact }
        : { kind: 'organisation' as const, taxCode: v.taxCode.trim(), representative: optional(v.representative), ...contact },
    channel: v.channel,
    returnMethod: v.returnMethod,
    postal: v.channel === 'postal' && (v.trackingNumber.trim() || v.deliveredAt) ? { trackingNumber: v.trackingNumber.trim(), deliveredAt: fromLocalInput(v.deliveredAt) ?? '' } : undefined,
  };
}

/** The step-1 fields' labels, by their path in the intake body (the paths validation issues name). */
export function useFieldLabels(kind: Kind) {
  const { t } = useTranslation();
  return {
    procedureCode: t('dossiers.intake.procedure'),
    'applicant.idNumber': t('dossiers.intake.idNumber'),
    'applicant.taxCode': t('dossiers.intake.taxCode'),
    'applicant.name': kind === 'citizen' ? t('dossiers.intake.citizenName') : t('dossiers.intake.organisationName'),
    'applicant.representative': t('dossiers.intake.representative'),
    'applicant.address': t('dossiers.intake.address'),
    'applicant.phone': t('dossiers.intake.phone'),
    'applicant.email': t('dossiers.intake.email'),
    'postal.trackingNumber': t('dossiers.intake.trackingNumber'),
    'postal.deliveredAt': t('dossiers.intake.deliveredAt'),
  } as const;
}

/** A step-1 field, by its path in the intake body. */
export type FieldPath = keyof ReturnType<typeof useFieldLabels>;

/**
 * Step 1 of counter intake: procedure, applicant, channel and return method. Built for an officer
 * at the desk: the procedure search has focus and Tab goes field by field.
 */
export function IntakeFields({
  procedure,
  onProcedure,
  values: v,
  onChange: set,
  errorOf,
  postalError,
}: {
  procedure: ProcedureSummary | null;
  onProcedure: (procedure: ProcedureSummary | null) => void;
  values: Values;
  onChange: <K extends keyof Values>(key: K, value: Values[K]) => void;
  errorOf: (field: FieldPath) => string | undefined;
  postalError: string | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const [onlyMine, setOnlyMine] = useState(true);
  const label = useFieldLabels(v.kind);
  return (
    <>
      <Fieldset legend={t('dossiers.intake.procedureSection')}>
        <Stack gap="xs">
          <ProcedurePicker
            label={label.procedureCode}
            description={t('dossiers.intake.procedureHint')}
            value={procedure}
            onChange={onProcedure}
            unitCode={onlyMine ? me?.user.unitCode : undefined}
            error={errorOf('procedureCode')}
            required
            autoFocus
          />
          <Checkbox label={t('dossiers.intake.onlyMyUnit', { unit: me?.user.unitName ?? '' })} checked={onlyMine} onChange={(e) => setOnlyMine(e.currentTarget.checked)} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('dossiers.intake.applicantSection')}>
        <Stack gap="sm">
          <Radio.Group label={t('dossiers.intake.kind')} value={v.kind} onChange={(value) => set('kind', value as Kind)}>
            <Group gap="lg" mt={6}>
              <Radio value="citizen" label={t('dossiers.intake.citizen')} />
              <Radio value="organisation" label={t('dossiers.intake.organisation')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {v.kind === 'citizen' ? (
              <TextInput
                label={label['applicant.idNumber']}
                description={t('dossiers.intake.idNumberHint')}
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                required
                value={v.idNumber}
                onChange={(e) => set('idNumber', e.currentTarget.value)}
                error={errorOf('applicant.idNumber')}
              />
            ) : (
              <TextInput
                label={label['applicant.taxCode']}
                description={t('dossiers.intake.taxCodeHint')}
                inputMode="numeric"
                autoComplete="off"
                maxLength={14}
                required
                value={v.taxCode}
                onChange={(e) => set('taxCode', e.currentTarget.value)}
                error={errorOf('applicant.taxCode')}
              />
            )}
            <TextInput label={label['applicant.name']} required autoComplete="off" value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorOf('applicant.name')} />
            {v.kind === 'organisation' && (
              <TextInput label={label['applicant.representative']} autoComplete="off" value={v.representative} onChange={(e) => set('representative', e.currentTarget.value)} error={errorOf('applicant.representative')} />
            )}
            <TextInput label={label['applicant.address']} autoComplete="off" value={v.address} onChange={(e) => set('address', e.currentTarget.value)} error={errorOf('applicant.address')} />
            <TextInput label={label['applicant.phone']} type="tel" autoComplete="off" value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errorOf('applicant.phone')} />
            <TextInput label={label['applicant.email']} type="email" autoComplete="off" value={v.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorOf('applicant.email')} />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('dossiers.intake.deliverySection')}>
        <Stack gap="sm">
          <Radio.Group
            label={t('dossiers.intake.channel')}
            value={v.channel}
            onChange={(value) => {
              set('channel', value as PaperChannel);
              if (value === 'postal' && !v.deliveredAt) set('deliveredAt', toLocalInput(new Date().toISOString()));
            }}
            error={postalError}
          >
            <Group gap="lg" mt={6}>
              {(['counter', 'postal'] as const).map((c) => (
                <Radio key={c} value={c} label={CHANNEL_LABELS[c][language]} />
              ))}
            </Group>
          </Radio.Group>
          {v.channel === 'postal' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={label['postal.trackingNumber']} required autoComplete="off" value={v.trackingNumber} onChange={(e) => set('trackingNumber', e.currentTarget.value)} error={errorOf('postal.trackingNumber')} />
              <TextInput label={label['postal.deliveredAt']} type="datetime-local" required value={v.deliveredAt} onChange={(e) => set('deliveredAt', e.currentTarget.value)} error={errorOf('postal.deliveredAt')} />
            </SimpleGrid>
          )}
          <Radio.Group label={t('dossiers.intake.returnMethod')} value={v.returnMethod} onChange={(value) => set('returnMethod', value as ReturnMethod)}>
            <Stack gap={6} mt={6}>
              {RETURN_METHODS.map((m) => (
                <Radio key={m} value={m} label={RETURN_METHOD_LABELS[m][language]} />
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      </Fieldset>
    </>
  );
}
