import type { ProcedureComponent } from '@core/dossier/context';
import { Alert, Badge, Button, Checkbox, Group, Input, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shell/ErrorAlert';
import { ACCEPT, MAX_BYTES } from '../../lib/upload';
import { type DossierDetail, useUploadFiles } from './queries';

/** Files one request may carry (`MAX_FILES` of server/features/dossiers/multipart.ts). */
export const MAX_FILES = 10;

/** The checklist's file inputs, by component id. */
export type FileInputs = Map<string, HTMLInputElement>;

/** A scan chosen for a component. */
export interface ChosenScan {
  componentId: string;
  file: File;
}

/** The scans chosen in the inputs, in checklist order, and the components whose scan is over the size limit (with the message). */
export function chosenScans(checklist: readonly ProcedureComponent[], inputs: FileInputs, tooLarge: string): { chosen: ChosenScan[]; large: Record<string, string> } {
  const chosen: ChosenScan[] = [];
  const large: Record<string, string> = {};
  for (const c of checklist) {
    const file = inputs.get(c.id)?.files?.[0];
    if (!file) continue;
    if (file.size > MAX_BYTES) large[c.id] = tooLarge;
    chosen.push({ componentId: c.id, file });
  }
  return { chosen, large };
}

/** One component: its tick and its file input; choosing a scan ticks it. */
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
        <input
          id={id}
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
          aria-invalid={Boolean(error)}
          onChange={(e) => {
            if (e.currentTarget.files?.length) onCheck(true);
          }}
        />
      </Input.Wrapper>
    </Stack>
  );
}

/**
 * The checklist: each component's tick and scan input (PDF, JPEG, PNG). The inputs stay uncontrolled
 * (a browser keeps the chosen file); `inputs` holds them for whoever sends the scans.
 */
export function ComponentList({
  checklist,
  ticked,
  onTick,
  inputs,
  uploaded = () => [],
  errors,
}: {
  checklist: readonly ProcedureComponent[];
  ticked: ReadonlySet<string>;
  onTick: (id: string, checked: boolean) => void;
  inputs: FileInputs;
  /** The names of the scans a component already has on the server. */
  uploaded?: (componentId: string) => string[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Stack component="ul" gap={0} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('dossiers.intake.checklist')}>
        {checklist.map((c) => (
          <ComponentRow
            key={c.id}
            component={c}
            checked={ticked.has(c.id)}
            onCheck={(checked) => onTick(c.id, checked)}
            uploaded={uploaded(c.id)}
            inputRef={(el) => {
              if (el) inputs.set(c.id, el);
              else inputs.delete(c.id);
            }}
            error={errors[c.id]}
          />
        ))}
      </Stack>
      <Text size="sm" c="dimmed">
        {t('dossiers.intake.filesHint')}
      </Text>
    </Stack>
  );
}

/** What accepting will record: how many components were ticked, and which required ones are missing. */
export function AcceptSummary({ checklist, ticked }: { checklist: readonly ProcedureComponent[]; ticked: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const missing = checklist.filter((c) => c.required && !ticked.has(c.id));
  return (
    <Stack gap={4}>
      <Text size="sm">{t('dossiers.intake.acceptSummary', { ticked: checklist.filter((c) => ticked.has(c.id)).length, total: checklist.length })}</Text>
      {missing.length > 0 && (
        <Alert color="orange.9" variant="light" p="xs" icon={<IconAlertTriangle aria-hidden />}>
          {t('dossiers.intake.acceptMissing', { items: missing.map((c) => c.name).join('; ') })}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Checking a dossier already registered (reached from its page, or after an intake recorded for a
 * supplement request or a refusal): tick each component and attach more scans. All chosen files go
 * in one request; nothing is kept unless every one passes the check.
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
  const inputs = useRef<FileInputs>(new Map());
  const [tooLarge, setTooLarge] = useState<Record<string, string>>({});
  const [noFiles, setNoFiles] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { chosen, large } = chosenScans(checklist, inputs.current, t('dossiers.intake.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
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
        <ComponentList
          checklist={checklist}
          ticked={ticked}
          onTick={onTick}
          inputs={inputs.current}
          uploaded={(id) => dossier.files.filter((f) => f.componentId === id).map((f) => f.filename)}
          errors={tooLarge}
        />
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
