import { type AmountDueView, type PaymentView, recordPaymentBody } from '@core/payment/api';
import { formatVnd } from '@core/payment/money';
import { PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS, type PaymentStatus } from '@core/payment/state';
import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileTypePdf, IconWorld } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { ApiError } from '../../lib/api';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { apiFieldErrors, formatWhen } from './format';
import { useDossierPayments, useRecordPayment } from './payments';
import type { DossierDetail } from './queries';

const WRAP = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;
/** Status colours with at least 4.5:1 on white; the badge always says the status in words. */
const STATUS_COLORS: Record<PaymentStatus, string> = { pending: 'blue.9', paid: '#1b6b34', failed: 'red.9', expired: 'gray.8' };

/** What is due: the amounts, on what basis, the procedure's fees and the staff's last demand. */
function Due({ due }: { due: AmountDueView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!due.required) return <Text>{t('payments.notRequired')}</Text>;
  return (
    <Stack gap="xs">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="sm" m={0}>
        {(
          [
            ['total', due.total],
            ['paid', due.paid],
            ['outstanding', due.outstanding],
          ] as const
        ).map(([key, amount]) => (
          <div key={key}>
            <Text component="dt" size="sm" c="dimmed">
              {t(`payments.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700}>
              {formatVnd(amount, language)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">{t(`payments.basis.${due.basis}`)}</Text>
      {due.demand && <Text size="sm">{t('payments.demand', { at: formatWhen(due.demand.at, language), reason: due.demand.reason })}</Text>}
      {due.confirmed && <Text size="sm">{t('payments.confirmed')}</Text>}
      {due.fees.length > 0 && (
        <div>
          <Text size="sm" c="dimmed">
            {t('payments.fees')}
          </Text>
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {due.fees.map((f) => (
              <li key={f.name}>
                <Text size="sm">
                  {f.name}: {f.amount === null ? f.rule : formatVnd(f.amount, language)}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Stack>
  );
}

/** One payment: how (an "online" badge for the platform's), its status, amount, receipt and times. */
function Payment({ p }: { p: PaymentView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder padding="sm" component="li">
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          {p.method === 'online' ? (
            <Badge color="indigo.9" c="white" variant="filled" radius="sm" tt="none" leftSection={<IconWorld size={14} aria-hidden />} styles={WRAP}>
              {t('payments.online')}
            </Badge>
          ) : (
            <Badge color="gray.8" c="gray.8" variant="outline" radius="sm" tt="none" styles={WRAP}>
              {PAYMENT_METHOD_LABELS[p.method][language]}
            </Badge>
          )}
          <Badge color={STATUS_COLORS[p.status]} c={STATUS_COLORS[p.status]} variant="outline" radius="sm" tt="none" styles={WRAP}>
            {PAYMENT_STATUS_LABELS[p.status][language]}
          </Badge>
        </Group>
        <Text fw={700}>{formatVnd(p.amount, language)}</Text>
      </Group>
      <Stack gap={2} mt={6}>
        {p.receiptNumber && <Text size="sm">{t('payments.receiptNumber', { number: p.receiptNumber })}</Text>}
        <Text size="sm" c="dimmed">
          {p.paidAt ? t('payments.paidAt', { at: formatWhen(p.paidAt, language) }) : t('payments.createdAt', { at: formatWhen(p.createdAt, language) })}
        </Text>
        {p.transactionId && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('payments.transaction', { id: p.transactionId })}
          </Text>
        )}
        {p.orderId && !p.transactionId && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('payments.order', { id: p.orderId })}
          </Text>
        )}
        {p.receiptUrl && (
          <Anchor href={p.receiptUrl} target="_blank" rel="noopener" size="sm">
            <Group gap={4} wrap="nowrap" component="span">
              <IconFileTypePdf size={16} aria-hidden />
              {t('payments.receiptPdf')}
            </Group>
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** The officer's form for a payment taken at the counter or that came by post, checked with the API's own schema. */
function RecordForm({ refOf }: { refOf: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const record = useRecordPayment(refOf);
  const [method, setMethod] = useState<'counter' | 'post'>('counter');
  const [amount, setAmount] = useState<string | number>('');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = { method, amount: amount === '' ? Number.NaN : Number(amount), receiptNumber };
    const parsed = recordPaymentBody.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'amount');
        found[field] ??= field === 'amount' ? t('payments.record.amountHint') : t('dossiers.invalid.required', { field: t('payments.record.receiptNumber') });
      }
      setErrors(found);
      return;
    }
    setErrors({});
    record.mutate(body, {
      onSuccess: (answer) => {
        setDone(`${t('payments.record.done', { amount: formatVnd(answer.payment.amount, language) })}${answer.due.confirmed ? ` ${t('payments.record.feePaid')}` : ''}`);
        setAmount('');
        setReceiptNumber('');
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="payments-record-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="payments-record-title">
          {t('payments.record.title')}
        </Title>
        <div role="status">
          {done && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {done}
            </Alert>
          )}
        </div>
        {record.error instanceof ApiError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('payments.record.failed')} role="alert">
            {record.error.message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('payments.record.method')}
            data={(['counter', 'post'] as const).map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m][language] }))}
            value={method}
            onChange={(v) => setMethod(v === 'post' ? 'post' : 'counter')}
            allowDeselect={false}
            required
          />
          <NumberInput
            label={t('payments.record.amount')}
            description={t('payments.record.amountHint')}
            value={amount}
            onChange={setAmount}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={language === 'vi' ? '.' : ','}
            decimalSeparator={language === 'vi' ? ',' : '.'}
            inputMode="numeric"
            error={errors.amount}
            required
          />
          <TextInput label={t('payments.record.receiptNumber')} value={receiptNumber} onChange={(e) => setReceiptNumber(e.currentTarget.value)} maxLength={50} error={errors.receiptNumber} required />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('payments.record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const CLOSED = new Set(['not_accepted', 'withdrawn', 'stopped', 'returned']);

/** The dossier page's section on fees: what is due, every payment ("Trực tuyến" for the platform's) and, for one-stop officers, recording a counter or postal payment. */
export function PaymentsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const ref = dossier.code ?? dossier.id;
  const payments = useDossierPayments(ref);
  const me = useMe().data;
  return (
    <Card withBorder component="section" aria-labelledby="dossier-payments">
      <Title order={2} size="h4" id="dossier-payments" mb="sm">
        {t('payments.title')}
      </Title>
      {payments.isPending && <Loading />}
      {payments.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
          {t('payments.loadFailed')}
        </Alert>
      )}
      {payments.data && (
        <Stack gap="md">
          <Due due={payments.data.due} />
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('payments.list')}
            </Title>
            {payments.data.payments.length === 0 ? (
              <Text c="dimmed">{t('payments.none')}</Text>
            ) : (
              <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {payments.data.payments.map((p) => (
                  <Payment key={p.id} p={p} />
                ))}
              </Stack>
            )}
          </div>
          {CLOSED.has(dossier.status) ? <Text size="sm">{t('payments.closed')}</Text> : can(me, 'payment.record') && <RecordForm refOf={ref} />}
        </Stack>
      )}
    </Card>
  );
}
