import { type ChecklistItem, type DraftView, draftView } from '@core/portal/api';
import { Anchor, Badge, Button, Card, FileButton, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileText, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { LiveDraft } from './live';
import { deleteDraftFile, draftUrl } from './queries';
import { ACCEPT, MAX_BYTES, precheck, uploadWithProgress } from '../../lib/upload';
import type { DraftEditor } from './useDraftEditor';
import { WarehouseOffers } from './warehouse';

/** Forms uploaded to the catalogue are downloadable; a bare file name only names the form. */
const FORM_PREFIX = '/api/v1/procedure-forms/';
const KIND_COLORS = { required: 'red.9', conditional: 'blue.9', optional: 'gray.8' } as const;

/** A file size the way people read it (KB below one megabyte). */
function formatSize(bytes: number): string {
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'vi-VN';
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

interface Running {
  filename: string;
  percent: number;
  abort(): void;
}

/** One component of the checklist: what it is, whether its case applies, its files and its upload. */
function ComponentCard({ view, item, editor, csrfToken }: { view: DraftView; item: ChecklistItem; editor: DraftEditor; csrfToken: string }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reset = useRef<() => void>(null);
  const files = view.files.filter((f) => f.componentId === item.id);
  const answer = editor.data.conditions[item.id];
  const showUpload = item.kind !== 'conditional' || answer?.applies === true || files.length > 0;
  const headingId = `component-${item.id}`;

  /** Uploads one file (checked here first, then by content on the server); `replacing` is removed once the new one is in. */
  function upload(file: File | null, replacing?: { id: string; filename: string }) {
    reset.current?.();
    if (!file) return;
    setNotice(null);
    const refused = precheck(file);
    if (refused) {
      setError(t(`submit.files.refused.${refused}`, { name: file.name, mb: MAX_BYTES / 1024 / 1024 }));
      return;
    }
    setError(null);
    const form = new FormData();
    form.append('componentId', item.id);
    form.append('file', file);
    const sending = uploadWithProgress(draftUrl(view.id, '/files'), form, {
      csrfToken,
      parser: draftView,
      onProgress: (fraction) => setRunning((r) => r && { ...r, percent: Math.round(fraction * 100) }),
    });
    setRunning({ filename: file.name, percent: 0, abort: sending.abort });
    sending.done
      .then(async (next) => {
        editor.adopt(next);
        if (replacing) editor.adopt(await deleteDraftFile(view.id, replacing.id));
        setNotice(replacing ? t('submit.files.replaced', { old: replacing.filename, name: file.name }) : t('submit.files.uploaded', { name: file.name }));
      })
      .catch((e: Error & { code?: string }) => {
        if (e.code === 'ABORTED') setNotice(t('submit.files.cancelled'));
        else setError(t('submit.files.failed', { name: file.name, message: e.message }));
      })
      .finally(() => setRunning(null));
  }

  async function remove(fileId: string, filename: string) {
    setError(null);
    try {
      editor.adopt(await deleteDraftFile(view.id, fileId));
      setNotice(t('submit.files.removed', { name: filename }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Card component="li" withBorder padding="md" radius="sm" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {item.name}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" radius="sm" tt="none" color={KIND_COLORS[item.kind]} c={KIND_COLORS[item.kind]}>
            {t(`submit.files.kind.${item.kind}`)}
          </Badge>
          <Text size="sm">{t(`submit.files.state.${item.state}`)}</Text>
        </Group>
        {item.kind === 'conditional' && item.condition && (
          <Text size="sm">{t('submit.files.condition', { condition: item.condition })}</Text>
        )}
        {item.form?.startsWith(FORM_PREFIX) && (
          <Anchor href={item.form} size="sm" download style={{ overflowWrap: 'anywhere' }}>
            <IconDownload size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
            {t('submit.files.form', { name: decodeURIComponent(item.form.split('/').pop() ?? '') })}
          </Anchor>
        )}
        {item.kind === 'conditional' && (
          <Radio.Group
            label={t('submit.files.applies')}
            value={answer === undefined ? '' : answer.applies ? 'yes' : 'no'}
            onChange={(v) => editor.update((d) => ({ ...d, conditions: { ...d.conditions, [item.id]: { applies: v === 'yes', note: d.conditions[item.id]?.note ?? null } } }))}
          >
            <Group gap="lg" mt={4}>
              <Radio value="yes" label={t('submit.files.appliesYes')} />
              <Radio value="no" label={t('submit.files.appliesNo')} />
            </Group>
          </Radio.Group>
        )}

        {files.length > 0 && (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('submit.files.list', { name: item.name })}>
            {files.map((f) => (
              <Group component="li" key={f.id} gap="xs" wrap="wrap" justify="space-between">
                <Group gap={6} wrap="nowrap" miw={0} style={{ flex: '1 1 12rem' }}>
                  <IconFileText size={18} aria-hidden style={{ flexShrink: 0 }} />
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={draftUrl(view.id, `/files/${encodeURIComponent(f.id)}`)} target="_blank" inherit>
                      {f.filename}
                    </Anchor>{' '}
                    <Text span c="dimmed" size="sm">
                      ({formatSize(f.size)})
                    </Text>
                  </Text>
                </Group>
                <Group gap={4} wrap="nowrap">
                  <FileButton onChange={(file) => upload(file, f)} accept={ACCEPT} inputProps={{ 'aria-label': t('submit.files.replaceInput', { name: f.filename }) }} disabled={running !== null}>
                    {(props) => (
                      <Button {...props} size="compact-sm" variant="default" disabled={running !== null} aria-label={t('submit.files.replaceLabel', { name: f.filename })}>
                        {t('submit.files.replace')}
                      </Button>
                    )}
                  </FileButton>
                  <Button size="compact-sm" variant="default" leftSection={<IconTrash size={14} aria-hidden />} disabled={running !== null} onClick={() => void remove(f.id, f.filename)} aria-label={t('submit.files.removeLabel', { name: f.filename })}>
                    {t('submit.files.remove')}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}

        {showUpload && !running && (
          <>
            <WarehouseOffers
              item={item}
              chosen={editor.data.reuse?.[item.id] ?? null}
              onChoose={(documentId) =>
                editor.update((d) => {
                  const reuse = { ...(d.reuse ?? {}) };
                  if (documentId) reuse[item.id] = documentId;
                  else delete reuse[item.id];
                  return { ...d, reuse };
                })
              }
            />
            <FileButton onChange={(file) => upload(file)} accept={ACCEPT} resetRef={reset} inputProps={{ 'aria-label': t('submit.files.chooseInput', { name: item.name }) }}>
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconUpload size={18} aria-hidden />} w="fit-content" aria-label={t(files.length > 0 ? 'submit.files.addMoreLabel' : 'submit.files.chooseLabel', { name: item.name })}>
                  {files.length > 0 ? t('submit.files.addMore') : t('submit.files.choose')}
                </Button>
              )}
            </FileButton>
          </>
        )}
        {running && (
          <Stack gap={4}>
            <Text size="sm">{t('submit.files.uploading', { name: running.filename, percent: running.percent })}</Text>
            <Progress value={running.percent} size="lg" aria-label={t('submit.files.progress', { name: running.filename })} />
            <Button size="compact-sm" variant="default" w="fit-content" onClick={running.abort}>
              {t('submit.files.cancel')}
            </Button>
          </Stack>
        )}
        <div role="status">
          {notice && (
            <Group gap={4} wrap="nowrap">
              <IconCircleCheck size={16} color="var(--mantine-color-green-9)" aria-hidden style={{ flexShrink: 0 }} />
              <Text size="sm">{notice}</Text>
            </Group>
          )}
        </div>
        <div role="alert">
          {error && (
            <Text size="sm" c="red.9" fw={600}>
              {error}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}

/** Step 2: the procedure's checklist, each component with its files; conditional ones ask whether their case applies. */
export function ComponentsStep({ view, editor, live, csrfToken }: { view: DraftView; editor: DraftEditor; live: LiveDraft; csrfToken: string }) {
  const { t } = useTranslation();
  if (live.checklist.length === 0) return <Text>{t('submit.files.none')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('submit.files.intro', { mb: MAX_BYTES / 1024 / 1024 })}</Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {live.checklist.map((item) => (
          <ComponentCard key={item.id} view={view} item={item} editor={editor} csrfToken={csrfToken} />
        ))}
      </Stack>
    </Stack>
  );
}
