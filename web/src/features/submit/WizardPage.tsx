import type { DraftView, SubmitResponse } from '@core/portal/api';
import type { PortalMe } from '@core/citizens/api';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { ApplicantStep } from './ApplicantStep';
import { signInPath, usePortalMe } from '../portal/session';
import { ComponentsStep } from './ComponentsStep';
import { liveDraft, type Step, STEPS, stepOf } from './live';
import { ProcedureNotices } from './ProcedureNotices';
import { useDraft } from './queries';
import { ReturnStep } from './ReturnStep';
import { ReviewStep } from './ReviewStep';
import { SaveStatus } from './SaveStatus';
import { StepNav } from './StepNav';
import { SubmittedView } from './SubmittedView';
import { useDraftEditor } from './useDraftEditor';

/** `/ban-nhap/:id`: one draft, opened on the step in the address (`?buoc=`), or its submission once sent. */
export function WizardPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const location = useLocation();
  const me = usePortalMe();
  const draft = useDraft(id);
  // The answer of this browser's submission: the only place the lookup secret is ever shown.
  const [result, setResult] = useState<SubmitResponse | null>(null);

  if (me.data === null) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (draft.isError) {
    const missing = draft.error instanceof ApiError && draft.error.status === 404;
    return (
      <Stack gap="md" py="md">
        <PageHeader title={t('submit.wizard.notFoundTitle')} />
        {missing ? <Alert color="gray">{t('submit.wizard.notFound')}</Alert> : <QueryError error={draft.error} onRetry={() => void draft.refetch()} />}
        <Anchor component={Link} to="/ban-nhap">
          {t('submit.drafts.title')}
        </Anchor>
      </Stack>
    );
  }
  if (!me.data || draft.isPending) return <Loading minHeight="50vh" />;
  if (result || draft.data.status === 'submitted') return <SubmittedView draft={draft.data} result={result} />;
  return <Wizard key={draft.data.id} view={draft.data} me={me.data} onSubmitted={setResult} />;
}

function Wizard({ view, me, onSubmitted }: { view: DraftView; me: PortalMe; onSubmitted(result: SubmitResponse): void }) {
  const { t } = useTranslation();
  const editor = useDraftEditor(view);
  const [params, setParams] = useSearchParams();
  const requested = params.get('buoc');
  const step: Step = (STEPS as readonly string[]).includes(requested ?? '') ? (requested as Step) : STEPS[0];
  const heading = useRef<HTMLHeadingElement>(null);
  const live = useMemo(() => liveDraft(view, editor.data), [view, editor.data]);
  const done = useMemo(() => {
    const open = new Set(live.problems.map((p) => stepOf(p.field)));
    return new Set(STEPS.filter((s) => s !== 'kiem-tra' && !open.has(s)));
  }, [live.problems]);

  // A procedure received by one unit only needs no choice: the draft takes that unit.
  const units = view.procedure.receivingUnits;
  const { update } = editor;
  useEffect(() => {
    if (units.length === 1 && editor.data.receivingUnitCode !== units[0]!.code) update((d) => ({ ...d, receivingUnitCode: units[0]!.code }));
  }, [units, editor.data.receivingUnitCode, update]);

  /** Saves what is pending, then shows the step with its heading focused (screen readers hear where they are). */
  function go(next: Step) {
    void editor.flush();
    setParams({ buoc: next });
    window.scrollTo({ top: 0 });
    requestAnimationFrame(() => heading.current?.focus());
  }

  const index = STEPS.indexOf(step);
  return (
    <Stack gap="md" py={{ base: 'xs', sm: 'md' }}>
      <Anchor component={Link} to="/ban-nhap" size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {t('submit.drafts.title')}
      </Anchor>
      <PageHeader title={t('submit.wizard.title')} intro={`${view.procedure.name} (${view.procedure.code})`} />
      <ProcedureNotices view={view} me={me} />
      <StepNav current={step} done={done} onGo={go} />
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {t('submit.steps.heading', { number: index + 1, total: STEPS.length, name: t(`submit.steps.${step}`) })}
        </Title>
        <SaveStatus state={editor.save} onRetry={() => void editor.flush()} />
      </Group>
      {editor.merged && (
        <Alert color="blue" variant="light">
          <Text size="sm">{t('submit.save.merged')}</Text>
        </Alert>
      )}
      {step === 'nguoi-nop' && <ApplicantStep view={view} editor={editor} live={live} />}
      {step === 'thanh-phan' && <ComponentsStep view={view} editor={editor} live={live} csrfToken={me.csrfToken} />}
      {step === 'nhan-ket-qua' && <ReturnStep view={view} editor={editor} live={live} />}
      {step === 'kiem-tra' && <ReviewStep view={view} me={me} editor={editor} live={live} onEdit={go} onSubmitted={onSubmitted} />}
      {step !== 'kiem-tra' && (
        <Group justify="space-between" gap="sm">
          {index > 0 ? (
            <Button variant="default" onClick={() => go(STEPS[index - 1]!)}>
              {t('submit.wizard.back')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => go(STEPS[index + 1]!)}>{t('submit.wizard.next')}</Button>
        </Group>
      )}
    </Stack>
  );
}
