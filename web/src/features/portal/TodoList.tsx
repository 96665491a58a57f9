import { RETURN_METHOD_LABELS } from '@core/dossier/channel';
import type { TodoItem } from '@core/portal/api';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { formatMoney, formatWhen } from '../../lib/format';
import { SupplementForm } from './SupplementForm';

/** One thing the applicant must do, in words, with the form that does it when it can be done here. */
function Todo({ code, todo }: { code: string; todo: TodoItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  switch (todo.kind) {
    case 'supplement':
      return <SupplementForm code={code} items={todo.items} requestedAt={todo.requestedAt} />;
    case 'supplement_answered':
      return <Text>{t('portal.todo.supplementAnswered', { when: formatWhen(todo.answeredAt, language) })}</Text>;
    case 'pay_fee':
      return (
        <Text>
          {todo.amount === null ? t('portal.todo.payFee') : t('portal.todo.payFeeAmount', { amount: formatMoney(todo.amount) })}
          {todo.reason && ` ${t('portal.todo.reason', { reason: todo.reason })}`}
        </Text>
      );
    case 'collect_result':
      return (
        <Text>
          {todo.method === 'online'
            ? t('portal.todo.resultOnline')
            : todo.method === 'post'
              ? t('portal.todo.resultPost')
              : t('portal.todo.resultCounter', { unit: todo.unit.name, method: RETURN_METHOD_LABELS.counter[language] })}
        </Text>
      );
    case 'presence':
      return <Text>{t('portal.todo.presence', { reason: todo.reason })}</Text>;
    case 'rate':
      return <Text>{t('portal.todo.rate')}</Text>;
  }
}

/** "What must I do now": every open to-do, most urgent first, or a plain word that nothing is needed. */
export function TodoList({ code, todo }: { code: string; todo: readonly TodoItem[] }) {
  const { t } = useTranslation();
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="todo-title" bg={todo.length > 0 ? 'orange.0' : undefined}>
      <Title order={2} size="h4" id="todo-title" mb="xs">
        {t('portal.todo.title')}
      </Title>
      {todo.length === 0 ? (
        <Alert color="blue.9" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('portal.todo.nothing')}
        </Alert>
      ) : (
        <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {todo.map((item) => (
            <li key={item.kind}>
              <Todo code={code} todo={item} />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
