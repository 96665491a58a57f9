import type { PaymentView } from '@core/payment/api';
import { PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS } from '@core/payment/state';
import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconCreditCard, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { QueryError } from '../shell/QueryError';
import { formatMoney, formatWhen } from '../../lib/format';
import { usePayments, useStartPayment } from './queries';

/**
 * The platform's return to this page (`?payment=<order>&status=paid|cancelled`), told from the server's truth.
 * A light alert's title is drawn in its colour: shade min(n, 6) of a `color.n`, shade 9 of a plain name.
 * Red 9 reads at 4.5:1 on its tint, green 9 does not, so the paid notice's text is black.
 */
function ReturnNotice({ payment, cancelled }: { payment: PaymentView | undefined; cancelled: boolean }) {
  const { t } = useTranslation();
  if (!payment) return null;
  if (payment.status === 'paid') {
    return (
      <Alert role="status" color="green" c="black" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('portal.payment.paidTitle')}>
        {t('portal.payment.paidText', { amount: formatMoney(payment.amount) })}
      </Alert>
    );
  }
  if (payment.status === 'pending' && !cancelled) {
    return (
      <Alert role="status" color="blue.9" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('portal.payment.confirming')}
      </Alert>
    );
  }
  return (
    <Alert role="status" color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('portal.payment.notPaidTitle')}>
      {cancelled && payment.status === 'pending' ? t('portal.payment.cancelled') : t(`portal.payment.notPaid.${payment.status === 'expired' ? 'expired' : 'failed'}`)}
    </Alert>
  );
}

/** One payment: how, how much, where it stands, and its electronic receipt. */
function PaymentLine({ payment }: { payment: PaymentView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <List.Item>
      <Text size="sm">
        {formatMoney(payment.amount)} · {PAYMENT_METHOD_LABELS[payment.method][language]} · <strong>{PAYMENT_STATUS_LABELS[payment.status][language]}</strong>
      </Text>
      <Text size="xs" c="dimmed">
        {formatWhen(payment.paidAt ?? payment.createdAt, language)}
        {payment.receiptNumber && ` · ${t('portal.payment.receiptNumber', { number: payment.receiptNumber })}`}
      </Text>
      {payment.receiptUrl && (
        <Anchor href={payment.receiptUrl} size="sm" target="_blank" rel="noopener">
          {t('portal.payment.receipt', { number: payment.receiptNumber ?? '' })}
        </Anchor>
      )}
      {payment.status === 'pending' && payment.paymentUrl && (
        <Anchor href={payment.paymentUrl} size="sm" display="block">
          {t('portal.payment.continue')}
        </Anchor>
      )}
    </List.Item>
  );
}

/** Fees: what the procedure asks, what is paid, what is still owed, and paying it online. */
export function PaymentPanel({ code, returned }: { code: string; returned: { orderId: string; cancelled: boolean } | null }) {
  const { t } = useTranslation();
  const payments = usePayments(code, returned !== null);
  const start = useStartPayment(code);
  if (payments.isPending) return null;
  if (payments.error) return <QueryError error={payments.error} onRetry={() => void payments.refetch()} />;
  const { due, payments: list } = payments.data;
  if (!due.required && list.length === 0) return null;

  function pay() {
    start.mutate(undefined, { onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl) });
  }

  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="payment-title" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id="payment-title">
          {t('portal.payment.title')}
        </Title>
        {returned && <ReturnNotice payment={list.find((p) => p.orderId === returned.orderId)} cancelled={returned.cancelled} />}
        {due.fees.length > 0 && (
          <List size="sm" spacing={2}>
            {due.fees.map((fee) => (
              <List.Item key={fee.name}>
                {fee.name}: {fee.amount === null ? fee.rule : formatMoney(fee.amount)}
              </List.Item>
            ))}
          </List>
        )}
        {due.demand && <Text size="sm">{t('portal.payment.demand', { reason: due.demand.reason })}</Text>}
        <Text>
          {t('portal.payment.summary', { total: formatMoney(due.total), paid: formatMoney(due.paid) })}{' '}
          <strong>{t('portal.payment.outstanding', { amount: formatMoney(due.outstanding) })}</strong>
        </Text>
        {due.payableOnline && due.outstanding > 0 && (
          <>
            {start.error && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                {start.error.message}
              </Alert>
            )}
            <Button onClick={pay} loading={start.isPending || start.isSuccess} leftSection={<IconCreditCard size={18} aria-hidden />} w="fit-content">
              {t('portal.payment.pay', { amount: formatMoney(due.outstanding) })}
            </Button>
            <Text size="xs" c="dimmed">
              {t('portal.payment.payHint')}
            </Text>
          </>
        )}
        {list.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {t('portal.payment.history')}
            </Text>
            <List spacing="xs" listStyleType="none" p={0}>
              {list.map((payment) => (
                <PaymentLine key={payment.id} payment={payment} />
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
