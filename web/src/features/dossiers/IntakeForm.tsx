import { type ProcedureSummary, procedureDetail } from '@core/catalogue/api';
import { ACTION_LABELS, FORM_CODES } from '@core/dossier/actions';
import type { ProcedureComponent } from '@core/dossier/context';
import { intakeBody } from '@core/dossier/intake';
import { checklistFor } from '@core/dossier/policy';
import { Alert, Button, Checkbox, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useLanguage } from '../../i18n/locale';
import { api } from '../../lib/api';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { QueryError } from '../shell/QueryError';
import { MAX_BYTES } from '../../lib/upload';
import { AcceptSummary, ComponentList, type FileInputs, MAX_FILES, chosenScans } from './ChecklistStep';
import { apiFieldErrors, issueMessage } from './format';
import { EMPTY, type FieldPath, IntakeFields, type Values, bodyOf, useFieldLabels } from './IntakeFields';
import { type DossierDetail, useCounterIntake } from './queries';

/** The outcomes of the counter check. */
export const OUTCOMES = ['accept', 'request_supplement', 'refuse'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What the screen carries from the intake to the dossier it recorded (in the history entry, so a
 * reload keeps it): the forms issued, or the ticks and the outcome still to record.
 */
export const recorded = z
  .object({ issued: z.array(z.enum(FORM_CODES)).optional(), ticked: z.array(z.string()).optional(), outcome: z.enum(OUTCOMES).optional() })
  .catch({});
export type Recorded = z.infer<typeof recorded>;

const detailAnswer = z.object({ procedure: procedureDetail });

/** The checklist of a procedure's current version (the one a dossier registered now keeps), ids as the server gives them. */
function useChecklist(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'catalogue', 'checklist', code],
    queryFn: async () => checklistFor((await api.get(`/api/v1/procedures/${encodeURIComponent(code ?? '')}`, detailAnswer)).procedure.procedure.components),
    enabled: Boolean(code),
    staleTime: 60_000,
  });
}

/** Server field errors of the one-request intake (`intake.applicant.idNumber`…), by their path in the intake body. */
function intakeFieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(apiFieldErrors(error)).map(([field, message]) => [field.replace(/^intake\./, ''), message]));
}

/**
 * The counter intake in one request: the dossier's facts, the checklist with a scan per component,
 * and the outcome of the check. Accepting sends everything at once (registered, scans attached,
 * accepted and numbered, Mẫu 01 issued); for a supplement request or a refusal the dossier is
 * recorded with its scans and `onRecorded` hands over to the action's own form. Nothing is sent
 * until the fields pass the intake schema; a refused request leaves the form as it was.
 */
export function IntakeForm({ onRecorded }: { onRecorded: (dossier: DossierDetail, recorded: Recorded) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const send = useCounterIntake();
  const [procedure, setProcedure] = useState<ProcedureSummary | null>(null);
  const [v, setValues] = useState<Values>(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [scanErrors, setScanErrors] = useState<Record<string, string>>({});
  const [checkError, setCheckError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('accept');
  const [receipt, setReceipt] = useState(false);
  const [percent, setPercent] = useState(0);
  const inputs = useRef<FileInputs>(new Map());
  const checklist = useChecklist(procedure?.code);
  const components: readonly ProcedureComponent[] = checklist.data ?? [];
  const immediate = procedure?.processingTime?.unit === 'immediate';
  const label = useFieldLabels(v.kind);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((old) => ({ ...old, [key]: value }));
  const serverErrors = intakeFieldErrors(send.error);
  const errorOf = (field: FieldPath) => clientErrors[field] ?? serverErrors[field];
  const postalError = clientErrors.postal ?? serverErrors.postal;
  const shown = (field: string) => field in label || field === 'postal';
  // an error the fields do not show (a scan refused by content, a procedure not received here…)
  const unmatched = send.isError && !Object.keys(serverErrors).some(shown);

  const tick = (id: string, checked: boolean) => {
    setCheckError(null);
    setTicked((old) => {
      const next = new Set(old);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  function pick(next: ProcedureSummary | null) {
    setProcedure(next);
    // another procedure, another checklist
    setTicked(new Set());
    setScanErrors({});
    setReceipt(false);
  }

  function clear() {
    setValues(EMPTY);
    pick(null);
    setOutcome('accept');
    setClientErrors({});
    setCheckError(null);
    send.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = bodyOf(procedure, v);
    const found: Record<string, string> = {};
    const parsed = intakeBody.safeParse(body);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path.join('.');
      found[field] ??= issueMessage(issue, (label as Record<string, string>)[field] ?? field, t, language);
    }
    const { chosen, large } = chosenScans(components, inputs.current, t('dossiers.intake.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    const missing = components.filter((c) => c.required && !ticked.has(c.id));
    const check =
      chosen.length > MAX_FILES
        ? t('dossiers.intake.tooManyFiles', { max: MAX_FILES })
        : outcome === 'accept' && missing.length > 0
          ? t('dossiers.intake.acceptMissing', { items: missing.map((c) => c.name).join('; ') })
          : null;
    setClientErrors(found);
    setScanErrors(large);
    setCheckError(check);
    if (Object.keys(found).length > 0 || Object.keys(large).length > 0 || check) {
      send.reset();
      // focus the first field in error, as a screen-reader user would expect after submitting
      requestAnimationFrame(() => document.querySelector<HTMLElement>('form[data-intake] [aria-invalid="true"]')?.focus());
      return;
    }
    setPercent(0);
    const accept = outcome === 'accept' ? { components: components.filter((c) => ticked.has(c.id)).map((c) => c.id), ...(immediate && receipt ? { receipt: true } : {}) } : undefined;
    send.mutate(
      { intake: body, scans: chosen, accept, onProgress: (fraction) => setPercent(Math.round(fraction * 100)) },
      { onSuccess: (done) => onRecorded(done.dossier, accept ? { issued: done.forms } : { ticked: [...ticked], outcome }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-intake>
      <Stack gap="xl">
        <section aria-labelledby="intake-facts">
          <Title order={2} size="h3" id="intake-facts" mb="sm">
            {t('dossiers.intake.step1')}
          </Title>
          <Stack gap="lg">
            <IntakeFields procedure={procedure} onProcedure={pick} values={v} onChange={set} errorOf={errorOf} postalError={postalError} />
          </Stack>
        </section>

        <section aria-labelledby="intake-check">
          <Title order={2} size="h3" id="intake-check" mb="sm">
            {t('dossiers.intake.step2')}
          </Title>
          {!procedure ? (
            <Text c="dimmed">{t('dossiers.intake.pickFirst')}</Text>
          ) : checklist.isPending ? (
            <Loading />
          ) : checklist.isError ? (
            <QueryError error={checklist.error} onRetry={() => void checklist.refetch()} />
          ) : (
            <ComponentList key={procedure.code} checklist={components} ticked={ticked} onTick={tick} inputs={inputs.current} errors={scanErrors} />
          )}
        </section>

        <section aria-labelledby="intake-outcome">
          <Title order={2} size="h3" id="intake-outcome" mb="sm">
            {t('dossiers.intake.step3')}
          </Title>
          <Stack gap="md">
            <Radio.Group label={t('dossiers.intake.outcome')} value={outcome} onChange={(value) => {
                setOutcome(value as Outcome);
                setCheckError(null);
              }}
            >
              <Stack gap={6} mt={6}>
                {OUTCOMES.map((o) => (
                  <Radio key={o} value={o} label={ACTION_LABELS[o][language]} />
                ))}
              </Stack>
            </Radio.Group>
            {outcome !== 'accept' ? (
              <Text size="sm">{t('dossiers.intake.followUp', { action: ACTION_LABELS[outcome][language] })}</Text>
            ) : (
              checklist.data && (
                <>
                  <AcceptSummary checklist={components} ticked={ticked} />
                  {immediate && <Checkbox label={t('dossiers.fields.receipt')} checked={receipt} onChange={(e) => setReceipt(e.currentTarget.checked)} />}
                </>
              )
            )}
          </Stack>
        </section>

        <div role="alert">
          {checkError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
              {checkError}
            </Alert>
          )}
          {unmatched && <ErrorAlert title={t('dossiers.intake.failed')} error={send.error} />}
          {!unmatched && (Object.keys(clientErrors).length > 0 || Object.keys(scanErrors).length > 0 || send.isError) && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('dossiers.intake.fixErrors')} />
          )}
        </div>
        {send.isPending && (
          <Stack gap={4}>
            <Text size="sm">{t('dossiers.intake.sending', { percent })}</Text>
            <Progress value={percent} size="lg" aria-label={t('dossiers.intake.progress')} />
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={send.isPending} leftSection={outcome === 'accept' ? <IconCircleCheck size={18} aria-hidden /> : <IconDeviceFloppy size={18} aria-hidden />}>
            {outcome === 'accept' ? ACTION_LABELS.accept[language] : t('dossiers.intake.create')}
          </Button>
          <Button variant="default" onClick={clear} disabled={send.isPending}>
            {t('dossiers.intake.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
