import { FORM_TITLES } from '@core/dossier/actions';
import { CHANNEL_LABELS, RETURN_METHOD_LABELS } from '@core/dossier/channel';
import type { PortalDossierDetail } from '@core/portal/api';
import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { Facts } from './Facts';
import { formatSize, formatWhen } from '../../lib/format';
import { PaymentPanel } from './PaymentPanel';
import { fileUrl, formUrl, receiptUrl, usePortalDossier } from './queries';
import { ResultsPanel } from './ResultsPanel';
import { StatusBadge } from './StatusBadge';
import { Timeline } from './Timeline';
import { TodoList } from './TodoList';
import './register-texts';

// Only a returned dossier is rated: the nine criteria's form is fetched then, not with every page.
const RatingForm = lazy(() => import('./RatingForm').then((m) => ({ default: m.RatingForm })));

/** Where the dossier is: status, dates, the unit handling it, how the result comes back. */
function Situation({ dossier }: { dossier: PortalDossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="facts-title" p="md">
      <Title order={2} size="h4" id="facts-title" mb="xs">
        {t('portal.dossier.facts')}
      </Title>
      <Facts
        items={[
          [t('portal.dossier.status'), <StatusBadge key="status" status={dossier.status} />],
          [t('portal.dossier.due'), formatWhen(dossier.dueAt, language)],
          [t('portal.dossier.unit'), dossier.unit.name],
          [t('portal.dossier.receivingUnit'), dossier.receivingUnit.name],
          [t('portal.dossier.submitted'), `${formatWhen(dossier.submittedAt, language)} · ${CHANNEL_LABELS[dossier.channel][language]}`],
          [t('portal.dossier.received'), formatWhen(dossier.receivedAt, language)],
          [t('portal.dossier.returnMethod'), RETURN_METHOD_LABELS[dossier.returnMethod][language]],
          ...(dossier.returned
            ? [
                [
                  t('portal.dossier.returned'),
                  dossier.returned.trackingNumber
                    ? t('portal.dossier.returnedByPost', { at: formatWhen(dossier.returned.at, language), number: dossier.returned.trackingNumber })
                    : `${formatWhen(dossier.returned.at, language)} · ${RETURN_METHOD_LABELS[dossier.returned.method][language]}`,
                ] as const,
              ]
            : []),
          [
            t('portal.dossier.applicant'),
            <span key="applicant">
              {dossier.applicant.name} (<span translate="no">{dossier.applicant.idNumber}</span>)
            </span>,
          ],
        ]}
      />
      {dossier.presence && (
        <Text size="sm" mt="sm">
          {t('portal.dossier.presence', { reason: dossier.presence.reason })}
        </Text>
      )}
    </Paper>
  );
}

/** The papers of the dossier: forms issued by the unit, the online-submission receipt, and the files sent. */
function Documents({ dossier }: { dossier: PortalDossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hasReceipt = dossier.channel === 'online';
  if (!hasReceipt && dossier.forms.length === 0 && dossier.files.length === 0) return null;
  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="documents-title" p="md">
      <Title order={2} size="h4" id="documents-title" mb="xs">
        {t('portal.dossier.documents')}
      </Title>
      <List spacing={4} size="sm">
        {hasReceipt && (
          <List.Item>
            <Anchor href={receiptUrl(dossier.code)} target="_blank" rel="noopener">
              {t('portal.dossier.receipt')}
            </Anchor>
          </List.Item>
        )}
        {dossier.forms.map((form) => (
          <List.Item key={form}>
            <Anchor href={formUrl(dossier.code, form)} target="_blank" rel="noopener">
              {t('portal.dossier.form', { title: FORM_TITLES[form][language] })}
            </Anchor>
          </List.Item>
        ))}
        {dossier.files.map((file) => (
          <List.Item key={file.id}>
            <Anchor href={fileUrl(dossier.code, file.id)} target="_blank" rel="noopener">
              {file.filename}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              ({formatSize(file.size, language)}
              {file.supplement && `, ${t('portal.dossier.supplementFile')}`})
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** One of the applicant's dossiers: where it is, what to do now, fees, result, rating and its history. */
export function DossierPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const [params] = useSearchParams();
  const dossier = usePortalDossier(code);
  const orderId = params.get('payment');
  const returned = orderId ? { orderId, cancelled: params.get('status') === 'cancelled' } : null;

  if (dossier.isPending) return <Loading minHeight="40vh" />;
  if (dossier.error) {
    const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;
    return (
      <>
        <PageHeader title={t('portal.dossier.title', { code })} />
        {notFound ? <Text>{t('portal.dossier.notFound')}</Text> : <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />}
      </>
    );
  }
  const d = dossier.data;
  const returnedStatus = d.status === 'returned';
  return (
    <>
      <PageHeader title={t('portal.dossier.title', { code: d.code })} intro={d.procedureName} />
      <Stack gap="md">
        <TodoList code={d.code} todo={d.todo} />
        <PaymentPanel code={d.code} returned={returned} />
        {(d.status === 'processed' || returnedStatus) && <ResultsPanel code={d.code} />}
        {returnedStatus && (
          <Suspense fallback={<Loading />}>
            <RatingForm code={d.code} />
          </Suspense>
        )}
        <Situation dossier={d} />
        <Paper component="section" withBorder radius="md" aria-labelledby="timeline-title" p="md">
          <Title order={2} size="h4" id="timeline-title" mb="xs">
            {t('portal.dossier.timeline')}
          </Title>
          <Timeline entries={d.timeline} />
        </Paper>
        <Documents dossier={d} />
        <Button
          component={Link}
          to={`/phan-anh?hoSo=${encodeURIComponent(d.code)}`}
          variant="default"
          leftSection={<IconMessageReport size={18} aria-hidden />}
          w="fit-content"
          maw="100%"
          styles={{ label: { whiteSpace: 'normal' }, root: { height: 'auto', minHeight: 36, paddingBlock: 6 } }}
        >
          {t('portal.dossier.feedback')}
        </Button>
      </Stack>
    </>
  );
}
