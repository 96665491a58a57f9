import { ACTION_LABELS, type Action, type FormCode } from '@core/dossier/actions';
import { CHANNEL_LABELS, RETURN_METHOD_LABELS } from '@core/dossier/channel';
import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { NotFoundPage } from '../shell/NotFoundPage';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { DossierRating } from '../feedback/DossierRating';
import { ActionForm } from './ActionForm';
import { StatusBadge, TimingBadge } from './Badges';
import { Files, Handovers, History, Violations } from './DossierRecord';
import { usePeople, useUnitName } from './directory';
import { formatWhen, remainingText } from './format';
import { FormsList } from './FormsList';
import { PaymentsPanel } from './PaymentsPanel';
import { DigitisePanel } from '../warehouse/DigitisePanel';
import { type DossierDetail, useDossier, useProcedureFacts, useReloadDossiers } from './queries';
import { ResultUpload } from './ResultUpload';

/** A titled section of the page. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Label–value pairs as a description list. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing={6} m={0}>
      {rows.map(([label, value]) => (
        <div key={label} style={{ minWidth: 0 }}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={500}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** Where the dossier stands in time: due, working time left, the open step. */
function Timing({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = dossier.timingDetail;
  const left = remainingText(t, detail.status, detail.remainingWorkingMinutes);
  const step = detail.step;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <StatusBadge status={dossier.status} />
        <TimingBadge status={detail.status} />
        {dossier.redateUsed && (
          <Text size="sm" c="dimmed">
            {t('dossiers.page.redated')}
          </Text>
        )}
      </Group>
      <Text>
        {t('dossiers.page.due')}: <strong>{formatWhen(detail.dueAt, language)}</strong>
        {left && ` — ${left}`}
      </Text>
      {step && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            {t('dossiers.page.step', { step: step.step, due: formatWhen(step.dueAt, language) })}
            {` — ${remainingText(t, step.status, step.remainingWorkingMinutes) ?? ''}`}
          </Text>
          <TimingBadge status={step.status} />
        </Group>
      )}
    </Stack>
  );
}

/** The buttons of the actions the person may take now, each opening its small form. */
function Actions({ dossier, onDone, onStale }: { dossier: DossierDetail; onDone: (action: Action, forms: FormCode[]) => void; onStale: (message: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<Action | null>(null);
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const procedure = useProcedureFacts(dossier.procedureCode);
  if (dossier.availableActions.length === 0) return <Text c="dimmed">{t('dossiers.page.noActions')}</Text>;
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {dossier.availableActions.map((action) => (
          <Button key={action} variant={action === 'withdraw' || action === 'stop' || action === 'refuse' ? 'outline' : 'filled'} color={action === 'withdraw' || action === 'stop' || action === 'refuse' ? 'red.9' : undefined} onClick={() => setOpen(action)} style={{ maxWidth: '100%' }} styles={{ label: { whiteSpace: 'normal' } }} h="auto" mih={36} py={6}>
            {ACTION_LABELS[action][language]}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? ACTION_LABELS[open][language] : ''} closeButtonProps={{ 'aria-label': t('dossiers.action.cancel') }} fullScreen={phone} size="lg">
        {open && procedure.isPending && <Loading />}
        {open && !procedure.isPending && (
          <ActionForm
            dossier={dossier}
            action={open}
            checklist={dossier.checklist}
            implementingUnits={procedure.implementingUnits}
            ctx={{ immediate: procedure.immediate }}
            onCancel={() => setOpen(null)}
            onDone={(outcome) => {
              setOpen(null);
              onDone(open, outcome.forms);
            }}
            onStale={(message) => {
              setOpen(null);
              onStale(message);
            }}
          />
        )}
      </Modal>
    </>
  );
}

/** The page of one dossier once loaded. */
function Dossier({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const people = usePeople(dossier.people);
  const unitName = useUnitName();
  const reload = useReloadDossiers();
  const me = useMe().data;
  const [done, setDone] = useState<{ action: Action; forms: FormCode[] } | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done || stale) notice.current?.focus();
  }, [done, stale]);

  const a = dossier.applicant;
  const contact = a.contact as { address?: string; phone?: string; email?: string; representative?: string };
  const title = dossier.code ? t('dossiers.page.title', { code: dossier.code }) : t('dossiers.page.titleNew');

  return (
    <>
      <PageHeader
        title={title}
        intro={dossier.procedureName}
        actions={
          <Anchor component={Link} to="/staff/dossiers">
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={16} aria-hidden />
              {t('dossiers.page.back')}
            </Group>
          </Anchor>
        }
      />
      <Stack gap="md">
        <div ref={notice} tabIndex={-1} role="status">
          {done && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('dossiers.page.done', { action: ACTION_LABELS[done.action][language] })} withCloseButton closeButtonLabel={t('dossiers.action.cancel')} onClose={() => setDone(null)}>
              {done.forms.length > 0 && (
                <Stack gap={4}>
                  <Text size="sm">{t('dossiers.page.issued')}</Text>
                  <FormsList dossier={dossier} forms={done.forms} />
                </Stack>
              )}
            </Alert>
          )}
          {stale && (
            <Alert color="orange" c="black" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('dossiers.page.staleTitle')} withCloseButton closeButtonLabel={t('dossiers.action.cancel')} onClose={() => setStale(null)}>
              {t('dossiers.page.staleText')}
            </Alert>
          )}
        </div>

        <Section id="dossier-timing" title={t('dossiers.page.timing')}>
          <Timing dossier={dossier} />
        </Section>

        <Section id="dossier-actions" title={t('dossiers.page.actions')}>
          {dossier.status === 'new' && can(me, 'dossier.receive') && (
            <Anchor component={Link} to={`/staff/dossiers/new?id=${dossier.id}`} display="block" mb="sm">
              {t('dossiers.page.checkAtCounter')}
            </Anchor>
          )}
          <Actions
            dossier={dossier}
            onDone={(action, forms) => {
              setStale(null);
              setDone({ action, forms });
            }}
            onStale={(message) => {
              setDone(null);
              setStale(message);
              void reload();
            }}
          />
        </Section>

        <ResultUpload dossier={dossier} />
        <DossierRating dossier={dossier} />

        <Section id="dossier-facts" title={t('dossiers.page.facts')}>
          <Facts
            rows={[
              [t('dossiers.page.procedure'), `${dossier.procedureName} (${dossier.procedureCode})`],
              [t('dossiers.page.applicant'), a.name],
              [a.kind === 'citizen' ? t('dossiers.intake.idNumber') : t('dossiers.intake.taxCode'), <span key="id" translate="no">{a.idNumber}</span>],
              ...(contact.representative ? [[t('dossiers.intake.representative'), contact.representative] as [string, ReactNode]] : []),
              [t('dossiers.intake.address'), contact.address ?? '—'],
              [t('dossiers.intake.phone'), contact.phone ?? '—'],
              [t('dossiers.intake.email'), contact.email ?? '—'],
              [t('dossiers.page.channel'), CHANNEL_LABELS[dossier.channel][language]],
              [t('dossiers.page.returnMethod'), RETURN_METHOD_LABELS[dossier.returnMethod][language]],
              [t('dossiers.page.receivedAt'), formatWhen(dossier.receivedAt, language)],
              [t('dossiers.page.receivingUnit'), unitName(dossier.receivingUnitCode)],
              [t('dossiers.page.handlingUnit'), unitName(dossier.unitCode)],
              [t('dossiers.page.assignee'), people.nameOf(dossier.assigneeId)],
              [t('dossiers.page.supplements'), String(dossier.supplementCount)],
            ]}
          />
        </Section>

        <PaymentsPanel dossier={dossier} />
        <DigitisePanel dossier={dossier} />

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Section id="dossier-forms" title={t('dossiers.page.forms')}>
            <FormsList dossier={dossier} forms={dossier.forms} fresh={done?.forms} />
          </Section>
          <Section id="dossier-violations" title={t('dossiers.page.violations')}>
            <Violations dossier={dossier} />
          </Section>
        </SimpleGrid>

        <Section id="dossier-history" title={t('dossiers.page.history')}>
          <History dossier={dossier} />
        </Section>

        <Section id="dossier-handovers" title={t('dossiers.page.handovers')}>
          <Handovers dossier={dossier} />
        </Section>

        <Section id="dossier-files" title={t('dossiers.page.files')}>
          <Files dossier={dossier} />
        </Section>
      </Stack>
    </>
  );
}

/** `/staff/dossiers/:ref`: one dossier (by code, or by id before it has one). */
export function DossierPage() {
  const { ref = '' } = useParams();
  const dossier = useDossier(ref);
  const navigate = useNavigate();
  const code = dossier.data?.code;
  // once accepted, the dossier is known by its code: the address follows
  useEffect(() => {
    if (code && ref !== code) navigate(`/staff/dossiers/${encodeURIComponent(code)}`, { replace: true });
  }, [code, ref, navigate]);
  if (dossier.isPending) return <Loading minHeight="40vh" />;
  if (dossier.isError) {
    if (dossier.error instanceof ApiError && (dossier.error.status === 404 || dossier.error.code === 'DOSSIER_CODE_INVALID')) return <NotFoundPage />;
    return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  }
  return <Dossier dossier={dossier.data} />;
}
