import type { DraftContact, DraftView } from '@core/portal/api';
import { Card, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { type LiveDraft, problemMessage, problemsOf } from './live';
import type { DraftEditor } from './useDraftEditor';

/** A label over its value, for what the identity gives and cannot be edited here. */
function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }} translate="no">
        {value}
      </Text>
    </div>
  );
}

/** Step 1: who applies (from the signed-in identity), how to reach them, and where the dossier goes. */
export function ApplicantStep({ view, editor, live }: { view: DraftView; editor: DraftEditor; live: LiveDraft }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // A field's problem shows once the person has left it, not while they start typing.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string) => setTouched((s) => new Set(s).add(field));
  const errorOf = (field: string) => {
    if (!touched.has(field)) return undefined;
    const [problem] = problemsOf(live.problems, field);
    return problem ? problemMessage(problem.code, language, t('submit.problems.generic')) : undefined;
  };
  const { contact } = editor.data;
  const setContact = (key: keyof DraftContact, value: string) => editor.update((d) => ({ ...d, contact: { ...d.contact, [key]: value === '' ? null : value } }));
  const organisation = view.applicant.kind === 'organisation';
  const units = view.procedure.receivingUnits;

  return (
    <Stack gap="md">
      <Card withBorder padding="md" radius="sm" component="section" aria-labelledby="applicant-identity">
        <Text id="applicant-identity" fw={700} mb="xs">
          {t('submit.applicant.identity')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={organisation ? t('submit.applicant.organisationName') : t('submit.applicant.name')} value={view.applicant.name} />
          <Fact label={organisation ? t('submit.applicant.taxCode') : t('submit.applicant.idNumber')} value={view.applicant.idNumber} />
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="xs">
          {t('submit.applicant.fromIdentity')}
        </Text>
      </Card>

      <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
        <Text component="legend" fw={700} p={0} mb="xs">
          {t('submit.applicant.contact')}
        </Text>
        <Text size="sm" c="dimmed" mt={-8}>
          {t('submit.applicant.contactHint')}
        </Text>
        {organisation && (
          <TextInput
            label={t('submit.applicant.representative')}
            value={contact.representative ?? ''}
            onChange={(e) => setContact('representative', e.currentTarget.value)}
            autoComplete="name"
            maxLength={300}
          />
        )}
        <TextInput
          label={t('submit.applicant.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={contact.phone ?? ''}
          onChange={(e) => setContact('phone', e.currentTarget.value)}
          onBlur={() => touch('contact.phone')}
          error={errorOf('contact.phone')}
          maxLength={30}
        />
        <TextInput
          label={t('submit.applicant.email')}
          type="email"
          autoComplete="email"
          value={contact.email ?? ''}
          onChange={(e) => setContact('email', e.currentTarget.value)}
          onBlur={() => touch('contact.email')}
          error={errorOf('contact.email')}
          maxLength={200}
        />
        <Textarea
          label={t('submit.applicant.address')}
          autoComplete="street-address"
          rows={3}
          value={contact.address ?? ''}
          onChange={(e) => setContact('address', e.currentTarget.value)}
          maxLength={500}
        />
      </Stack>

      {units.length > 1 ? (
        <Radio.Group
          label={t('submit.applicant.receivingUnit')}
          description={t('submit.applicant.receivingUnitHint')}
          withAsterisk
          value={editor.data.receivingUnitCode ?? ''}
          onChange={(code) => {
            touch('receivingUnitCode');
            editor.update((d) => ({ ...d, receivingUnitCode: code }));
          }}
          error={errorOf('receivingUnitCode')}
        >
          <Stack gap="xs" mt="xs">
            {units.map((unit) => (
              <Radio key={unit.code} value={unit.code} label={unit.name} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        units[0] && (
          <SimpleGrid component="dl" cols={1} m={0}>
            <Fact label={t('submit.applicant.receivingUnit')} value={units[0].name} />
          </SimpleGrid>
        )
      )}
    </Stack>
  );
}
