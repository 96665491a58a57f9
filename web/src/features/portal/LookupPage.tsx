import { CHANNEL_LABELS } from '@core/dossier/channel';
import type { TrackResponse } from '@core/portal/api';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { Facts } from './Facts';
import { formatWhen } from '../../lib/format';
import { useTrack } from './queries';
import './register-texts';
import { StatusBadge } from './StatusBadge';
import { Timeline } from './Timeline';

/** The dossier as anyone holding its code and secret sees it: the applicant masked, no notes. */
function TrackResult({ dossier }: { dossier: TrackResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="track-title" p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="track-title">
          {t('portal.dossier.title', { code: dossier.code })}
        </Title>
        <Text>{dossier.procedureName}</Text>
        <Facts
          items={[
            [t('portal.dossier.status'), <StatusBadge key="status" status={dossier.status} />],
            [t('portal.dossier.due'), formatWhen(dossier.dueAt, language)],
            [t('portal.dossier.unit'), dossier.unit.name],
            [t('portal.dossier.submitted'), `${formatWhen(dossier.submittedAt, language)} · ${CHANNEL_LABELS[dossier.channel][language]}`],
            [t('portal.dossier.received'), formatWhen(dossier.receivedAt, language)],
            [t('portal.dossier.applicant'), `${dossier.applicant.name} (${dossier.applicant.idNumber})`],
          ]}
        />
        <Title order={3} size="h4">
          {t('portal.dossier.timeline')}
        </Title>
        <Timeline entries={dossier.timeline} />
        <Text size="sm" c="dimmed">
          {t('portal.lookup.signInForMore')}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * Public lookup, no sign-in: the dossier code and the short secret printed on the receipt. The QR
 * code of a receipt opens `/tra-cuu/<code>`; the secret is typed (it never sits in the address).
 */
export function LookupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(useParams().code ?? params.get('ma') ?? '');
  const [secret, setSecret] = useState('');
  const [touched, setTouched] = useState(false);
  const [lookup, setLookup] = useState<{ code: string; secret: string } | null>(null);
  const track = useTrack(lookup);

  const codeError = touched && !code.trim() ? t('portal.lookup.codeRequired') : undefined;
  const secretError = touched && !secret.trim() ? t('portal.lookup.secretRequired') : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (!code.trim() || !secret.trim()) return;
    setLookup({ code: code.trim(), secret: secret.trim() });
  }

  const notFound = track.error instanceof ApiError && track.error.status === 404;
  return (
    <>
      <PageHeader title={t('portal.lookup.title')} intro={t('portal.lookup.intro')} />
      <Stack gap="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" maw={560}>
          <form onSubmit={submit} noValidate aria-label={t('portal.lookup.title')}>
            <Stack gap="sm">
              <TextInput
                label={t('portal.lookup.code')}
                description={t('portal.lookup.codeHint')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={codeError}
                required
                autoComplete="off"
                spellCheck={false}
                translate="no"
              />
              <TextInput
                label={t('portal.lookup.secret')}
                description={t('portal.lookup.secretHint')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                error={secretError}
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                translate="no"
              />
              <Button type="submit" loading={track.isFetching} leftSection={<IconSearch size={18} aria-hidden />} w="fit-content">
                {t('portal.lookup.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <div aria-live="polite">
          {track.isFetching ? (
            <Loading />
          ) : track.error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={notFound ? t('portal.lookup.notFoundTitle') : t('common.loadFailed')}>
              {notFound ? t('portal.lookup.notFound') : track.error.message}
            </Alert>
          ) : (
            track.data && <TrackResult dossier={track.data} />
          )}
        </div>
      </Stack>
    </>
  );
}
