import { ACTION_LABELS, type Action } from '@core/dossier/actions';
import { RETURN_METHOD_LABELS, type ReturnMethod } from '@core/dossier/channel';
import type { ProcedureComponent } from '@core/dossier/context';
import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { type FieldSpec, type FormContext, type Values, clientSchema, visibleFields } from './action-fields';
import { unitChoices, useUnitIndex, usePeople } from './directory';
import { apiFieldErrors, foldedFilter, formatWhen, fromLocalInput, issueMessage, toLocalInput } from './format';
import { type ActionOutcome, type DossierDetail, useDossierAction } from './queries';

const DAY_MS = 86_400_000;

/** Starting values: what the dossier already says (return method, components with a scan…). */
function initialValues(action: Action, dossier: DossierDetail, ticked: readonly string[], missing: readonly string[]): Values {
  switch (action) {
    case 'accept':
      return { components: [...new Set([...ticked, ...dossier.files.map((f) => f.componentId)])], receipt: false };
    case 'request_supplement':
    case 'request_supplement_processing':
      return { items: [...missing], otherItems: [] };
    case 'return_result':
      return { method: dossier.returnMethod };
    case 'issue_result':
      return { eResult: dossier.returnMethod === 'online' };
    case 'fee_paid':
      return { method: 'cash' };
    case 'apologise':
      // a week later than the due in force, as a starting point the leader adjusts
      return { newDueAt: dossier.dueAt ? toLocalInput(new Date(Date.parse(dossier.dueAt) + 7 * DAY_MS).toISOString()) : '' };
    default:
      return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The action's input from the form: empty fields left out, items from the ticks and the free entries. */
function inputOf(fields: readonly FieldSpec[], values: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.name];
    switch (f.kind) {
      case 'components':
        input[f.name] = Array.isArray(value) ? value : [];
        break;
      case 'items':
        input[f.name] = [...(Array.isArray(value) ? value : []), ...(Array.isArray(values.otherItems) ? values.otherItems : [])].map((s) => s.trim()).filter(Boolean);
        break;
      case 'flag':
        if (value === true) input[f.name] = true;
        break;
      case 'amount':
        if (typeof value === 'string' && value !== '') input[f.name] = Number(value);
        break;
      case 'datetime':
        input[f.name] = typeof value === 'string' ? fromLocalInput(value) : undefined;
        break;
      default:
        input[f.name] = text(value);
    }
  }
  return input;
}

interface ActionFormProps {
  dossier: DossierDetail;
  action: Action;
  /** The procedure's checklist, for accept and supplement requests. */
  checklist: readonly ProcedureComponent[];
  /** Units that carry out the procedure: offered first for a hand-over. */
  implementingUnits: readonly string[];
  ctx: FormContext;
  /** Components the officer ticked at intake. */
  ticked?: readonly string[];
  onDone: (outcome: ActionOutcome) => void;
  /** Someone changed the dossier since it was loaded: the page reloads it and says so. */
  onStale: (message: string) => void;
  onCancel?: () => void;
  submitLabel?: string;
  /** Values decided elsewhere on the page (the intake checklist's ticks): sent, not shown. */
  fixed?: Values;
  /** Said above the fields (what the action will do with the fixed values). */
  intro?: ReactNode;
}

/** The small form of one workflow action, checked against the action's schema before it is sent. */
export function ActionForm({ dossier, action, checklist, implementingUnits, ctx, ticked = [], onDone, onStale, onCancel, submitLabel, fixed = {}, intro }: ActionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const perform = useDossierAction(dossier);
  const people = usePeople(dossier.people);
  const units = useUnitIndex();
  const missing = checklist.filter((c) => !ticked.includes(c.id) && !dossier.files.some((f) => f.componentId === c.id)).map((c) => c.name);
  const [values, setValues] = useState<Values>(() => initialValues(action, dossier, ticked, action === 'request_supplement' ? missing : []));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const all = { ...values, ...fixed };
  const fields = visibleFields(action, all, ctx);
  const shown = fields.filter((f) => !(f.name in fixed));
  const set = (name: string, value: Values[string]) => setValues((old) => ({ ...old, [name]: value }));
  const labelOf = (f: FieldSpec) => t(`dossiers.fields.${f.label}`);
  const serverErrors = apiFieldErrors(perform.error);
  const errorOf = (name: string) => clientErrors[name] ?? serverErrors[name];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = inputOf(fields, all);
    const found: Record<string, string> = {};
    for (const f of fields) {
      const value = input[f.name];
      const empty = value === undefined || (Array.isArray(value) && value.length === 0);
      if (empty && f.required?.(values)) found[f.name] = f.kind === 'items' ? t('dossiers.invalid.chooseOne', { field: labelOf(f) }) : t('dossiers.invalid.required', { field: labelOf(f) });
    }
    const parsed = clientSchema(action).safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        const spec = fields.find((f) => f.name === name);
        found[name] ??= issueMessage(issue, spec ? labelOf(spec) : name, t, language);
      }
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      perform.reset();
      return;
    }
    perform.mutate(
      { action, input },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'DOSSIER_VERSION_STALE') onStale(error.message);
        },
      },
    );
  }

  function renderField(f: FieldSpec) {
    const label = labelOf(f);
    const error = errorOf(f.name);
    const required = f.required?.(values) ?? false;
    const value = values[f.name];
    const str = typeof value === 'string' ? value : '';
    switch (f.kind) {
      case 'text':
        return <TextInput key={f.name} label={label} required={required} value={str} onChange={(e) => set(f.name, e.currentTarget.value)} error={error} data-autofocus />;
      case 'textarea':
        return <Textarea key={f.name} label={label} required={required} rows={3} value={str} onChange={(e) => set(f.name, e.currentTarget.value)} error={error} data-autofocus />;
      case 'datetime':
        return (
          <TextInput
            key={f.name}
            type="datetime-local"
            label={label}
            description={action === 'apologise' ? apologyHint : undefined}
            required={required}
            value={str}
            onChange={(e) => set(f.name, e.currentTarget.value)}
            error={error}
          />
        );
      case 'amount':
        return <NumberInput key={f.name} label={label} min={0} step={1000} thousandSeparator="." decimalSeparator="," allowDecimal={false} value={str} onChange={(v) => set(f.name, v === '' ? '' : String(v))} error={error} />;
      case 'flag':
        return <Checkbox key={f.name} label={label} checked={value === true} onChange={(e) => set(f.name, e.currentTarget.checked)} error={error} />;
      case 'choice':
        return (
          <Select
            key={f.name}
            label={label}
            required={required}
            allowDeselect={false}
            data={f.options.map((o) => ({ value: o, label: f.label === 'returnMethod' ? RETURN_METHOD_LABELS[o as ReturnMethod][language] : t(`dossiers.feeMethods.${o}`) }))}
            value={str || null}
            onChange={(v) => set(f.name, v ?? '')}
            error={error}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'unit':
        return (
          <Select
            key={f.name}
            label={label}
            description={action === 'hand_over' ? t('dossiers.fieldHints.toUnit') : undefined}
            required={required}
            searchable
            clearable
            filter={foldedFilter}
            data={unitChoices(units, implementingUnits, action === 'transfer_interagency' ? dossier.unitCode : null, { preferred: t('dossiers.fields.preferredUnits'), others: t('dossiers.fields.otherUnits') })}
            value={str || null}
            onChange={(v) => set(f.name, v ?? '')}
            nothingFoundMessage={t('common.noResults')}
            error={error}
            maxDropdownHeight={300}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
        );
      case 'person': {
        // without the staff list (no `users.read`), an optional pick is left to the server's default
        if (!people.listed && !required) return null;
        if (!people.listed) {
          return <TextInput key={f.name} label={`${label} (${t('dossiers.fields.accountId')})`} required={required} value={str} onChange={(e) => set(f.name, e.currentTarget.value)} error={error} />;
        }
        const candidates = people.candidates(f.roles, dossier.unitCode);
        return (
          <Select
            key={f.name}
            label={label}
            required={required}
            searchable
            clearable={!required}
            filter={foldedFilter}
            data={candidates.map((s) => ({ value: s.id, label: `${s.fullName} (${s.username})` }))}
            value={str || null}
            onChange={(v) => set(f.name, v ?? '')}
            nothingFoundMessage={t('dossiers.fields.nobody')}
            error={error}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
        );
      }
      case 'components':
        return (
          <Checkbox.Group key={f.name} label={label} description={t('dossiers.fieldHints.components')} value={Array.isArray(value) ? value : []} onChange={(v) => set(f.name, v)} error={error}>
            <Stack gap={6} mt={6}>
              {checklist.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.required ? c.name : `${c.name} (${t('dossiers.intake.optional')})`} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      case 'items':
        return (
          <Stack key={f.name} gap="xs">
            {checklist.length > 0 && (
              <Checkbox.Group label={label} description={t('dossiers.fieldHints.items')} required value={Array.isArray(value) ? value : []} onChange={(v) => set(f.name, v)} error={error}>
                <Stack gap={6} mt={6}>
                  {checklist.map((c) => (
                    <Checkbox key={c.id} value={c.name} label={c.name} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <TagsInput
              label={checklist.length > 0 ? t('dossiers.fields.otherItems') : label}
              description={t('dossiers.fieldHints.otherItems')}
              value={Array.isArray(values.otherItems) ? values.otherItems : []}
              onChange={(v) => set('otherItems', v)}
              splitChars={[';']}
              error={checklist.length > 0 ? undefined : error}
              clearable
            />
          </Stack>
        );
    }
  }

  const stale = perform.error instanceof ApiError && perform.error.code === 'DOSSIER_VERSION_STALE';
  const due = formatWhen(dossier.dueAt, language);
  // the last instant the server allows, from the dossier's own calendar; the rule's wording if it is not given
  const apologyHint = dossier.deadlines.apology
    ? t('dossiers.fieldHints.newDueAt', { due, deadline: formatWhen(dossier.deadlines.apology, language) })
    : t('dossiers.fieldHints.newDueAtRule', { due });
  const supplementBy = action === 'request_supplement_processing' && dossier.deadlines.supplement ? t('dossiers.fieldHints.supplementBy', { deadline: formatWhen(dossier.deadlines.supplement, language) }) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {intro}
        {supplementBy && <Text size="sm">{supplementBy}</Text>}
        {shown.length === 0 && !intro && <Text size="sm">{t('dossiers.action.confirm')}</Text>}
        {shown.map(renderField)}
        <div role="alert">
          {perform.isError && !stale && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('dossiers.action.failed')}>
              {perform.error.message}
            </Alert>
          )}
        </div>
        <Group justify={onCancel ? 'flex-end' : 'flex-start'} gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('dossiers.action.cancel')}
            </Button>
          )}
          <Button type="submit" loading={perform.isPending} color={action === 'refuse' || action === 'stop' || action === 'withdraw' ? 'red.9' : undefined}>
            {submitLabel ?? ACTION_LABELS[action][language]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
