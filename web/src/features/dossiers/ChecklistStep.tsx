import type { ProcedureComponent } from '@core/dossier/context';
import { Alert, Badge, Button, Checkbox, Group, Input, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../calendar/ErrorAlert';
import { type DossierDetail, useUploadFiles } from './queries';

/** What the server accepts (checked again there by content, not by name). */
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const MAX_BYTES = 20 * 1024 * 1024;
/** Files one upload request may carry. */
const MAX_FILES = 10;

/** One component: its tick and its file input. */
function ComponentRow({
  component,
  checked,
  onCheck,
  uploaded,
  inputRef,
  error,
}: {
  component: ProcedureComponent;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  uploaded: string[];
  inputRef: (el: HTMLInputElement | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Stack component="li" gap={6} py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Checkbox label={component.name} checked={checked} onChange={(e) => onCheck(e.currentTarget.checked)} styles={{ label: { fontWeight: 600 } }} />
        <Badge variant="outline" radius="sm" tt="none" color={component.required ? 'red.9' : 'gray.8'} c={component.required ? 'red.9' : 'gray.8'} style={{ flexShrink: 0 }}>
          {component.required ? t('dossiers.intake.required') : t('dossiers.intake.optional')}
        </Badge>
      </Group>
      {uploaded.length > 0 && (
        <Group gap={4} pl={32}>
          <IconCircleCheck size={16} color="var(--mantine-color-green-9)" aria-hidden />
          <Text size="sm">{t('dossiers.intake.uploaded', { files: uploaded.join(', ') })}</Text>
        </Group>
      )}
      <Input.Wrapper label={t('dossiers.intake.fileFor', { name: component.name })} labelProps={{ htmlFor: id, fw: 400, size: 'sm' }} error={error} pl={32}>
        <input id={id} ref={inputRef} type="file" accept={ACCEPT} style={{ display: 'block', maxWidth: '100%', marginTop: 4 }} aria-invalid={Boolean(error)} />
      </Input.Wrapper>
    </Stack>
  );
}

/**
 * Step 2 of intake: tick each component the applicant brought and attach its scan (PDF, JPEG,
 * PNG). All chosen files go in one request; nothing is kept unless every one passes the check.
 */
export function ChecklistStep({
  dossier,
  checklist,
  ticked,
  onTick,
}: {
  dossier: DossierDetail;
  checklist: ProcedureComponent[];
  ticked: ReadonlySet<string>;
  onTick: (id: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadFiles(dossier);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [tooLarge, setTooLarge] = useState<Record<string, string>>({});
  const [noFiles, setNoFiles] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen: { componentId: string; file: File }[] = [];
    const large: Record<string, string> = {};
    for (const c of checklist) {
      const file = inputs.current.get(c.id)?.files?.[0];
      if (!file) continue;
      if (file.size > MAX_BYTES) large[c.id] = t('dossiers.intake.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 });
      chosen.push({ componentId: c.id, file });
    }
    setTooLarge(large);
    setNoFiles(chosen.length === 0);
    setDone(null);
    if (chosen.length === 0 || Object.keys(large).length > 0) return;
    upload.mutate(chosen.slice(0, MAX_FILES), {
      onSuccess: (files) => {
        for (const f of files) onTick(f.componentId, true);
        for (const input of inputs.current.values()) input.value = '';
        setDone(files.length);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Stack component="ul" gap={0} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('dossiers.intake.checklist')}>
          {checklist.map((c) => (
            <ComponentRow
              key={c.id}
              component={c}
              checked={ticked.has(c.id)}
              onCheck={(checked) => onTick(c.id, checked)}
              uploaded={dossier.files.filter((f) => f.componentId === c.id).map((f) => f.filename)}
              inputRef={(el) => {
                if (el) inputs.current.set(c.id, el);
                else inputs.current.delete(c.id);
              }}
              error={tooLarge[c.id]}
            />
          ))}
        </Stack>
        <Text size="sm" c="dimmed">
          {t('dossiers.intake.filesHint')}
        </Text>
        <Button type="submit" variant="light" loading={upload.isPending} leftSection={<IconUpload size={18} aria-hidden />} w="fit-content">
          {t('dossiers.intake.upload')}
        </Button>
        <div role="status">
          {done !== null && (
            <Alert color="green" variant="light" p="xs">
              {t('dossiers.intake.uploadDone', { count: done })}
            </Alert>
          )}
        </div>
        <div role="alert">
          {noFiles && (
            <Alert color="red" variant="light" p="xs">
              {t('dossiers.intake.noFiles')}
            </Alert>
          )}
          {upload.isError && <ErrorAlert title={t('dossiers.intake.uploadFailed')} error={upload.error} />}
        </div>
      </Stack>
    </form>
  );
}
