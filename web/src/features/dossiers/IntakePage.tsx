import { ACTION_LABELS, type FormCode } from '@core/dossier/actions';
import { CHANNEL_LABELS, RETURN_METHOD_LABELS } from '@core/dossier/channel';
import { Alert, Anchor, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFilePlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { ActionForm } from './ActionForm';
import { StatusBadge } from './Badges';
import { AcceptSummary, ChecklistStep } from './ChecklistStep';
import { FormsList } from './FormsList';
import { IntakeForm, OUTCOMES, type Outcome, type Recorded, recorded } from './IntakeForm';
import { type ActionOutcome, type DossierDetail, useDossier, useProcedureFacts, useReloadDossiers } from './queries';

/** A step's heading, focused when the step opens so keyboard and screen-reader users land there. */
function StepTitle({ id, children, focus }: { id: string; children: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Title order={2} size="h3" id={id} ref={ref} tabIndex={-1} mb="sm">
      {children}
    </Title>
  );
}

/** Who applied, for what, how: the facts the officer checks the papers against. */
function Summary({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, string][] = [
    [t('dossiers.page.procedure'), `${dossier.procedureName} (${dossier.procedureCode})`],
    [t('dossiers.page.applicant'), `${dossier.applicant.name} — ${dossier.applicant.idNumber}`],
    [t('dossiers.page.channel'), CHANNEL_LABELS[dossier.channel][language]],
    [t('dossiers.page.returnMethod'), RETURN_METHOD_LABELS[dossier.returnMethod][language]],
  ];
  return (
    <Card withBorder component="dl" m={0} p="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={600}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** After the check: the outcome, the forms to print and the way to the next applicant. */
function Done({ dossier, issued, onNext }: { dossier: DossierDetail; issued: readonly FormCode[]; onNext: () => void }) {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const message =
    dossier.status === 'accepted'
      ? t('dossiers.intake.doneAccepted', { code: dossier.code ?? '' })
      : dossier.status === 'supplement_requested'
        ? t('dossiers.intake.doneSupplement')
        : dossier.status === 'not_accepted'
          ? t('dossiers.intake.doneRefused')
          : t('dossiers.intake.doneOther');
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title={message} role="status">
        <Group gap="xs">
          <StatusBadge status={dossier.status} />
        </Group>
      </Alert>
      <section aria-labelledby="intake-forms">
        <Title order={2} size="h3" id="intake-forms" mb="xs">
          {t('dossiers.intake.printForms')}
        </Title>
        <FormsList dossier={dossier} forms={dossier.forms} fresh={issued} />
      </section>
      <Group>
        <Button ref={next} onClick={onNext} leftSection={<IconFilePlus size={18} aria-hidden />}>
          {t('dossiers.intake.next')}
        </Button>
        <Button component={Link} to={`/staff/dossiers/${encodeURIComponent(dossier.code ?? dossier.id)}`} variant="default">
          {t('dossiers.intake.openDossier')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A registered dossier at the counter (reached from its page, or after an intake recorded for a
 * supplement request or a refusal): the checklist with scans, then accept, request a supplement or
 * refuse, each its own action. After the check: the outcome and its forms.
 */
function Check({ dossier, carried, onNext }: { dossier: DossierDetail; carried: Recorded; onNext: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const procedure = useProcedureFacts(dossier.procedureCode);
  const reload = useReloadDossiers();
  const [ticked, setTicked] = useState<Set<string>>(() => new Set([...dossier.files.map((f) => f.componentId), ...(carried.ticked ?? [])]));
  const [outcome, setOutcome] = useState<Outcome>(carried.outcome ?? 'accept');
  const [issued, setIssued] = useState<FormCode[]>(carried.issued ?? []);
  const [stale, setStale] = useState<string | null>(null);

  if (dossier.status !== 'new') return <Done dossier={dossier} issued={issued} onNext={onNext} />;
  if (procedure.isPending) return <Loading />;
  if (procedure.isError) return <QueryError error={procedure.error} onRetry={() => void procedure.refetch()} />;
  const checklist = dossier.checklist;
  const tick = (id: string, checked: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const done = (result: ActionOutcome) => setIssued(result.forms);

  return (
    <Stack gap="xl">
      <Summary dossier={dossier} />
      <section aria-labelledby="intake-check">
        {/* the intake just recorded leaves only the outcome to fill in */}
        <StepTitle id="intake-check" focus={!carried.outcome}>
          {t('dossiers.intake.step2')}
        </StepTitle>
        <ChecklistStep dossier={dossier} checklist={checklist} ticked={ticked} onTick={tick} />
      </section>
      <section aria-labelledby="intake-outcome">
        <StepTitle id="intake-outcome" focus={Boolean(carried.outcome)}>
          {t('dossiers.intake.step3')}
        </StepTitle>
        <Stack gap="md">
          <Radio.Group label={t('dossiers.intake.outcome')} value={outcome} onChange={(v) => setOutcome(v as Outcome)}>
            <Stack gap={6} mt={6}>
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={ACTION_LABELS[o][language]} />
              ))}
            </Stack>
          </Radio.Group>
          <div role="alert">
            {stale && (
              <Alert color="orange" c="black" variant="light" title={t('dossiers.page.staleTitle')}>
                {t('dossiers.page.staleText')}
              </Alert>
            )}
          </div>
          <ActionForm
            // a new set of ticks starts the form again, so the items asked for follow the checklist
            key={`${outcome}-${[...ticked].sort().join(',')}-${dossier.version}`}
            dossier={dossier}
            action={outcome}
            checklist={checklist}
            implementingUnits={procedure.implementingUnits}
            ctx={{ immediate: procedure.immediate }}
            ticked={[...ticked]}
            fixed={outcome === 'accept' ? { components: checklist.filter((c) => ticked.has(c.id)).map((c) => c.id) } : {}}
            intro={outcome === 'accept' ? <AcceptSummary checklist={checklist} ticked={ticked} /> : undefined}
            onDone={done}
            onStale={(message) => {
              setStale(message);
              void reload();
            }}
          />
        </Stack>
      </section>
    </Stack>
  );
}

/** Loads the dossier being checked (its id is in the address, so a reload keeps the place). */
function IntakeCheck({ id, carried, onNext }: { id: string; carried: Recorded; onNext: () => void }) {
  const dossier = useDossier(id);
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  return <Check dossier={dossier.data} carried={carried} onNext={onNext} />;
}

/**
 * Counter intake: the dossier's facts, its components with scans and the outcome of the check, sent
 * in one request; the page then shows the recorded dossier (`?id=`), its forms or the action still to take.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const id = params.get('id');
  return (
    <>
      <PageHeader
        title={t('dossiers.intake.title')}
        intro={id ? undefined : t('dossiers.intake.intro')}
        actions={
          <Anchor component={Link} to="/staff/dossiers?queue=new">
            {t('dossiers.intake.newQueue')}
          </Anchor>
        }
      />
      {id ? (
        <IntakeCheck key={id} id={id} carried={recorded.parse(location.state ?? {})} onNext={() => setParams({})} />
      ) : (
        <IntakeForm onRecorded={(d, carried) => setParams({ id: d.id }, { state: carried })} />
      )}
    </>
  );
}
