import { Alert, Anchor, Button, Card, Input, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { errorReportUrl, type LegacyRun, useLegacyRun, useLegacyRuns, useStartLegacyImport } from './queries';
import './register-texts';

function Counts({ run }: { run: LegacyRun }) {
  const { t } = useTranslation();
  return <>{run.total != null ? t('legacyImport.counts', { ...run, total: run.total }) : t('legacyImport.countsNoTotal', run)}</>;
}

/** The progress of the run just started or resumed. */
function RunProgress({ id, resumed }: { id: string; resumed: boolean }) {
  const { t } = useTranslation();
  const run = useLegacyRun(id);
  if (run.isError) return <QueryError error={run.error} />;
  if (!run.data) return null;
  const r = run.data;
  const percent = r.total ? Math.round((r.done / r.total) * 100) : r.status === 'finished' ? 100 : 0;
  return (
    <Stack gap="xs">
      {resumed && <Text size="sm">{t('legacyImport.resumed')}</Text>}
      <Progress value={percent} size="lg" aria-label={t('legacyImport.progressLabel')} animated={r.status === 'running'} />
      <Text size="sm">
        {t(`legacyImport.statuses.${r.status}`)} — <Counts run={r} />
      </Text>
      {r.error && (
        <Alert color="red" variant="light">
          {r.error}
        </Alert>
      )}
      {r.failed > 0 && (
        <Anchor href={errorReportUrl(r.id)} download>
          <IconDownload size={16} aria-hidden /> {t('legacyImport.errorReport')}
        </Anchor>
      )}
    </Stack>
  );
}

function FileInput({ label, accept, inputRef, missing, onChange }: { label: string; accept: string; inputRef: React.RefObject<HTMLInputElement | null>; missing: boolean; onChange(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <Input.Wrapper label={label} labelProps={{ htmlFor: id }} required error={missing ? t('legacyImport.required') : null} errorProps={{ id: errorId }}>
      <input ref={inputRef} id={id} type="file" accept={accept} required aria-invalid={missing} aria-describedby={missing ? errorId : undefined} onChange={onChange} style={{ display: 'block', maxWidth: '100%', marginTop: 4 }} />
    </Input.Wrapper>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const start = useStartLegacyImport();
  const manifest = useRef<HTMLInputElement>(null);
  const scans = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState({ manifest: false, scans: false });
  const [upload, setUpload] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const m = manifest.current?.files?.[0];
    const s = scans.current?.files?.[0];
    setMissing({ manifest: !m, scans: !s });
    if (!m) return manifest.current?.focus();
    if (!s) return scans.current?.focus();
    setUpload(0);
    start.mutate({ manifest: m, scans: s, onProgress: setUpload }, { onSettled: () => setUpload(null) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FileInput label={t('legacyImport.manifest')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" inputRef={manifest} missing={missing.manifest} onChange={() => setMissing((v) => ({ ...v, manifest: false }))} />
        <FileInput label={t('legacyImport.scans')} accept=".zip,application/zip" inputRef={scans} missing={missing.scans} onChange={() => setMissing((v) => ({ ...v, scans: false }))} />
        <Button type="submit" loading={start.isPending} leftSection={<IconFileImport size={18} aria-hidden />} w="fit-content">
          {t('legacyImport.submit')}
        </Button>
        {upload != null && (
          <Stack gap={4}>
            <Progress value={Math.round(upload * 100)} aria-label={t('legacyImport.uploadLabel')} />
            <Text size="sm">{t('legacyImport.uploading', { percent: Math.round(upload * 100) })}</Text>
          </Stack>
        )}
        <div role="status">{start.isSuccess && <RunProgress id={start.data.runId} resumed={start.data.resumed} />}</div>
        <div role="alert">{start.isError && <QueryError error={start.error} />}</div>
      </Stack>
    </form>
  );
}

function RecentRuns() {
  const { t, i18n } = useTranslation();
  const runs = useLegacyRuns();
  if (runs.isError) return <QueryError error={runs.error} />;
  if (!runs.data) return null;
  if (runs.data.runs.length === 0) return <Text size="sm">{t('legacyImport.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {runs.data.runs.map((r) => (
        <li key={r.id} style={{ overflowWrap: 'anywhere' }}>
          <Text size="sm" fw={600}>
            {r.manifestName}
          </Text>
          <Text size="sm">
            {t('legacyImport.started')}: {new Date(r.startedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')} — {t('legacyImport.status')}: {t(`legacyImport.statuses.${r.status}`)}
          </Text>
          <Text size="sm">
            <Counts run={r} />
          </Text>
          {r.failed > 0 && (
            <Anchor href={errorReportUrl(r.id)} download size="sm">
              {t('legacyImport.errorReport')}
            </Anchor>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** The staff page for the bulk digitisation of legacy results (docs/warehouse.md, "Legacy import"). */
export function LegacyImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('legacyImport.title')} intro={t('legacyImport.intro')} />
      <Stack gap="md">
        <Card withBorder component="section" aria-labelledby="legacy-import-form">
          <Title order={2} size="h4" id="legacy-import-form" mb="sm">
            {t('legacyImport.submit')}
          </Title>
          <ImportForm />
        </Card>
        <Card withBorder component="section" aria-labelledby="legacy-import-recent">
          <Title order={2} size="h4" id="legacy-import-recent" mb="sm">
            {t('legacyImport.recent')}
          </Title>
          <RecentRuns />
        </Card>
      </Stack>
    </>
  );
}
