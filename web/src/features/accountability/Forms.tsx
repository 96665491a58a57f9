import type { HeadView, ViolationView } from '@core/accountability/api';
import { HANDLING_LABELS, type HandlingKind, MANUAL_VIOLATION_KINDS, MANUAL_VIOLATION_LABELS } from '@core/accountability/violations';
import { Alert, Button, FileInput, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { useHandle, useRecordViolation } from './queries';

/** A handling (or the closure) of one violation: the measures its status allows, and a note. */
export function HandleForm({ violation, onDone }: { violation: ViolationView; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<HandlingKind>(violation.allowed[0] ?? 'reminder');
  const [note, setNote] = useState('');
  const handle = useHandle();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    handle.mutate({ ref: violation.ref, kind, note }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {handle.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {handle.error.message}
          </Alert>
        )}
        <Select label={t('accountability.handle.kind')} data={violation.allowed.map((k) => ({ value: k, label: HANDLING_LABELS[k][language] }))} value={kind} onChange={(v) => v && setKind(v as HandlingKind)} allowDeselect={false} required />
        <Textarea label={t('accountability.handle.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required minRows={3} maxLength={5000} />
        <Group justify="flex-end">
          <Button type="submit" loading={handle.isPending}>
            {t('accountability.handle.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `YYYY-MM-DDTHH:mm` of a local (Hải Phòng) input as an instant with its offset. */
const withOffset = (local: string) => `${local}:00+07:00`;

/** An inspector's violation: the officer of the unit, kind, description, time, dossier and evidence files. */
export function RecordForm({ head, onDone }: { head: HeadView; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [officer, setOfficer] = useState<string | null>(null);
  const [kind, setKind] = useState<string>(MANUAL_VIOLATION_KINDS[0]);
  const [description, setDescription] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [dossierCode, setDossierCode] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const record = useRecordViolation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const form = new FormData();
    form.append('unitId', head.unit.id);
    form.append('officerId', officer ?? '');
    form.append('kind', kind);
    form.append('description', description);
    form.append('occurredAt', occurredAt ? withOffset(occurredAt) : '');
    if (dossierCode.trim()) form.append('dossierCode', dossierCode.trim());
    for (const f of files) form.append('file', f, f.name);
    record.mutate(form, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {record.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {record.error.message}
          </Alert>
        )}
        <Select label={t('accountability.record.officer')} data={head.staff.map((s) => ({ value: s.id, label: `${s.name} — ${s.unit}` }))} value={officer} onChange={setOfficer} searchable required />
        <Select label={t('accountability.record.kind')} data={MANUAL_VIOLATION_KINDS.map((k) => ({ value: k, label: MANUAL_VIOLATION_LABELS[k][language] }))} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} required />
        <Textarea label={t('accountability.record.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required minRows={3} maxLength={5000} />
        <TextInput type="datetime-local" label={t('accountability.record.occurredAt')} value={occurredAt} onChange={(e) => setOccurredAt(e.currentTarget.value)} required />
        <TextInput label={t('accountability.record.dossierCode')} value={dossierCode} onChange={(e) => setDossierCode(e.currentTarget.value)} maxLength={60} />
        <FileInput label={t('accountability.record.files')} multiple accept="application/pdf,image/jpeg,image/png" value={files} onChange={setFiles} required clearable />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('accountability.record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
