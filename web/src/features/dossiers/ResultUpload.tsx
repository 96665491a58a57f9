import type { DossierDetail } from '@core/dossier/api';
import type { ResultFileView } from '@core/feedback/api';
import { Alert, Anchor, Button, Card, Group, Input, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileTypePdf, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { resultUrl, useResults, useUploadResult } from '../feedback/queries';
import { QueryError } from '../shell/QueryError';
import { formatWhen } from './format';

/** Statuses in which a dossier can have result documents worth showing. */
function hasResultStage(d: DossierDetail): boolean {
  return (d.status === 'processing' && d.stage === 'approved') || d.status === 'processed' || d.status === 'returned';
}

/** One result document: a link that opens the PDF, its size, when and by whom; replaced ones say so. */
function ResultRow({ refCode, file, people }: { refCode: string; file: ResultFileView; people: Record<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const replaced = file.supersededAt !== null;
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start">
      <IconFileTypePdf size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <div style={{ minWidth: 0 }}>
        <Anchor href={resultUrl(refCode, file.id)} target="_blank" rel="noopener" fw={600} c={replaced ? 'gray.8' : undefined} td={replaced ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {file.filename}
        </Anchor>
        <Text size="sm">
          {t('resultDocs.uploaded', { size: Math.max(1, Math.round(file.size / 1024)), at: formatWhen(file.uploadedAt, language), by: people[file.uploadedBy] ?? '—' })}
        </Text>
        {replaced && (
          <Text size="sm" c="dimmed">
            {t('resultDocs.replacedAt', { at: formatWhen(file.supersededAt, language) })}
          </Text>
        )}
      </div>
    </Group>
  );
}

/** The upload form: one PDF, optionally replacing a current document. */
function UploadForm({ refCode, current }: { refCode: string; current: ResultFileView[] }) {
  const { t } = useTranslation();
  const upload = useUploadResult(refCode);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = useId();
  const [missing, setMissing] = useState(false);
  const [supersedes, setSupersedes] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    upload.mutate(
      { file, supersedes: supersedes ?? undefined },
      {
        onSuccess: () => {
          if (input.current) input.current.value = '';
          setSupersedes(null);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('resultDocs.formLabel')}>
      <Stack gap="sm">
        <Input.Wrapper label={t('resultDocs.file')} description={t('resultDocs.fileHint')} labelProps={{ htmlFor: id }} required error={missing ? t('resultDocs.fileRequired') : null} errorProps={{ id: errorId }}>
          <input
            ref={input}
            id={id}
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-invalid={missing}
            aria-describedby={missing ? errorId : undefined}
            onChange={() => {
              setMissing(false);
              upload.reset();
            }}
            style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
          />
        </Input.Wrapper>
        {current.length > 0 && (
          <Select
            label={t('resultDocs.replaces')}
            description={t('resultDocs.replacesHint')}
            placeholder={t('resultDocs.replacesNone')}
            clearable
            data={current.map((f) => ({ value: f.id, label: f.filename }))}
            value={supersedes}
            onChange={setSupersedes}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <div role="alert">
          {upload.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('resultDocs.failed')}>
              {upload.error.message}
            </Alert>
          )}
        </div>
        <div role="status">
          {upload.isSuccess && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {t('resultDocs.done', { name: upload.data.file.filename })}
            </Alert>
          )}
        </div>
        <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={18} aria-hidden />} w="fit-content">
          {t('resultDocs.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The dossier page's "Result" section: the result documents (current and replaced) and, for those
 * who may issue the result while it is open, the upload of the result PDF. Shown once the dossier
 * is approved; an online return needs a document here.
 */
export function ResultUpload({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const shown = hasResultStage(dossier);
  const refCode = dossier.code ?? dossier.id;
  const results = useResults(refCode, shown);
  const titleId = useId();
  if (!shown) return null;
  const files = results.data?.files ?? [];
  const current = files.filter((f) => f.supersededAt === null);
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t('resultDocs.title')}
      </Title>
      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && (
        <Stack gap="md">
          {dossier.returnMethod === 'online' && current.length === 0 && <Text size="sm">{t('resultDocs.neededOnline')}</Text>}
          {files.length === 0 ? (
            <Text c="dimmed">{t('resultDocs.none')}</Text>
          ) : (
            <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {files.map((f) => (
                <ResultRow key={f.id} refCode={refCode} file={f} people={results.data.people} />
              ))}
            </Stack>
          )}
          {results.data.canUpload && <UploadForm refCode={refCode} current={current} />}
        </Stack>
      )}
    </Card>
  );
}
