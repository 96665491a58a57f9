import { Alert, Button, Card, Checkbox, Group, Input, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconFileImport } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import type { ImportOutcome } from './queries';
import { useImportCatalogue } from './queries';

/** What an import did (or would do), or every error row of a rejected file. */
function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const { report } = outcome;
  if (report.errors.length === 0) {
    const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
    return (
      <Alert color="teal" variant="outline" icon={<IconCircleCheck aria-hidden />}>
        {report.written ? t('catalogueAdmin.written', counts) : t('catalogueAdmin.checked', counts)}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('catalogueAdmin.errorsTitle', { count: report.errors.length })}>
        {outcome.rejected}
      </Alert>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder>
          <Table.Caption>{t('catalogueAdmin.errorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalogueAdmin.row')}</Table.Th>
              <Table.Th scope="col">{t('catalogueAdmin.fieldName')}</Table.Th>
              <Table.Th scope="col">{t('catalogueAdmin.errorCode')}</Table.Th>
              <Table.Th scope="col">{t('catalogueAdmin.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's error list has no identity
              <Table.Tr key={index}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td translate="no">{error.field}</Table.Td>
                <Table.Td translate="no" ff="monospace" fz="xs">
                  {error.code}
                </Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Upload of a catalogue file, with a dry run that only checks it. */
function ImportForm() {
  const { t } = useTranslation();
  const importCatalogue = useImportCatalogue();
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const [dryRun, setDryRun] = useState(true);
  const id = useId();
  const errorId = `${id}-error`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) {
      importCatalogue.reset();
      input.current?.focus();
      return;
    }
    importCatalogue.mutate({ file, dryRun });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Input.Wrapper label={t('catalogueAdmin.file')} labelProps={{ htmlFor: id }} required error={missing ? t('catalogueAdmin.fileRequired') : null} errorProps={{ id: errorId }}>
          <input
            ref={input}
            id={id}
            name="file"
            type="file"
            accept=".json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-invalid={missing}
            aria-describedby={missing ? errorId : undefined}
            onChange={() => setMissing(false)}
            style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
          />
        </Input.Wrapper>
        <Checkbox label={t('catalogueAdmin.dryRun')} description={t('catalogueAdmin.dryRunHint')} checked={dryRun} onChange={(event) => setDryRun(event.currentTarget.checked)} />
        <Button type="submit" loading={importCatalogue.isPending} leftSection={<IconFileImport size={18} aria-hidden />} w="fit-content">
          {dryRun ? t('catalogueAdmin.submitDryRun') : t('catalogueAdmin.submit')}
        </Button>
        <div role="status">{importCatalogue.isSuccess && <ImportResult outcome={importCatalogue.data} />}</div>
        <div role="alert">{importCatalogue.isError && <QueryError error={importCatalogue.error} />}</div>
      </Stack>
    </form>
  );
}

/** The control officer's catalogue page: template, import (with dry run) and export. */
export function CatalogueImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('catalogueAdmin.title')} intro={t('catalogueAdmin.intro')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder component="section" aria-labelledby="template-title">
            <Title order={2} size="h4" id="template-title" mb="xs">
              {t('catalogueAdmin.templateTitle')}
            </Title>
            <Text size="sm" mb="sm">
              {t('catalogueAdmin.templateText')}
            </Text>
            <Button component="a" href="/api/v1/procedures/import-template" download variant="default" leftSection={<IconDownload size={18} aria-hidden />} w="fit-content">
              {t('catalogueAdmin.template')}
            </Button>
          </Card>
          <Card withBorder component="section" aria-labelledby="export-title">
            <Title order={2} size="h4" id="export-title" mb="xs">
              {t('catalogueAdmin.exportTitle')}
            </Title>
            <Text size="sm" mb="sm">
              {t('catalogueAdmin.exportText')}
            </Text>
            <Group gap="xs">
              <Button component="a" href="/api/v1/procedures/export?format=xlsx" download variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
                {t('catalogueAdmin.exportXlsx')}
              </Button>
              <Button component="a" href="/api/v1/procedures/export?format=json" download variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
                {t('catalogueAdmin.exportJson')}
              </Button>
            </Group>
          </Card>
        </SimpleGrid>
        <Card withBorder component="section" aria-labelledby="import-title">
          <Title order={2} size="h4" id="import-title" mb="sm">
            {t('catalogueAdmin.importTitle')}
          </Title>
          <ImportForm />
        </Card>
      </Stack>
    </>
  );
}
