import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../shell/QueryError';
import { useVerifyAudit } from './queries';

/** The "verify integrity" action and its result, announced to screen readers when it arrives. */
export function VerifyPanel({ unitNames }: { unitNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Stack gap="sm" mb="lg">
      <Button
        onClick={() => verify.mutate()}
        loading={verify.isPending}
        leftSection={<IconShieldCheck size={18} aria-hidden />}
        w="fit-content"
      >
        {t('audit.verify')}
      </Button>
      <div role="status">
        {result?.ok && (
          <Alert color="teal" variant="outline" title={t('audit.verifyOk')} icon={<IconShieldCheck aria-hidden />}>
            {t('audit.verifyOkText', { chains: result.chains, events: result.events })}
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" variant="light" title={t('audit.verifyBroken')} icon={<IconAlertTriangle aria-hidden />}>
            {t('audit.verifyBrokenText', {
              chain: result.firstBroken ? (unitNames.get(result.firstBroken.chainKey) ?? result.firstBroken.chainKey) : '?',
              seq: result.firstBroken?.seq ?? '?',
              reason: result.firstBroken?.reason ?? '?',
              chains: result.chains,
              events: result.events,
            })}
          </Alert>
        )}
        {verify.isError && <QueryError error={verify.error} />}
      </div>
    </Stack>
  );
}
