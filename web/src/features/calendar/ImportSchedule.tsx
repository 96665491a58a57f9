import { Alert, Button, Input, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shell/ErrorAlert';
import { useImportSchedule } from './queries';

/** Upload of an official schedule (.csv or .json); shows how many days were set, or the server's reason. */
export function ImportSchedule() {
  const { t } = useTranslation();
  const importSchedule = useImportSchedule();
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) {
      importSchedule.reset();
      input.current?.focus();
      return;
    }
    importSchedule.mutate(file, { onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed" id={descriptionId}>
          {t('calendar.import.intro')}
        </Text>
        <Input.Wrapper label={t('calendar.import.file')} labelProps={{ htmlFor: id }} required error={missing ? t('calendar.import.fileRequired') : null} errorProps={{ id: errorId }}>
          <input
            ref={input}
            id={id}
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="cal-file-input"
            required
            aria-invalid={missing}
            aria-describedby={missing ? `${descriptionId} ${errorId}` : descriptionId}
            onChange={() => setMissing(false)}
          />
        </Input.Wrapper>
        <Button type="submit" loading={importSchedule.isPending} leftSection={<IconFileImport size={18} aria-hidden />} w="fit-content">
          {t('calendar.import.submit')}
        </Button>
        <div role="status">
          {importSchedule.isSuccess && (
            <Alert color="teal" variant="outline" icon={<IconCircleCheck aria-hidden />}>
              {t('calendar.import.done', { count: importSchedule.data })}
            </Alert>
          )}
        </div>
        <div role="alert">{importSchedule.isError && <ErrorAlert error={importSchedule.error} title={t('calendar.import.failed')} />}</div>
      </Stack>
    </form>
  );
}
