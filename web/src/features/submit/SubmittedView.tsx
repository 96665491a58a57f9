import type { DraftView, SubmitResponse } from '@core/portal/api';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconDownload, IconListDetails } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../i18n';
import { formatWhen } from '../../lib/format';

/** "ACDE FGHJ": a secret in two groups of four, easier to read aloud and copy by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The submission's answer: the dossier code, the lookup secret (shown here once; the server keeps
 * only its hash and e-mailed it), where to follow the dossier, and the receipt when one was issued.
 */
export function SubmittedView({ draft, result }: { draft: DraftView; result: SubmitResponse | null }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const code = result?.code ?? draft.dossierCode ?? '';
  const secret = result?.secret ?? null;
  const email = draft.data.contact.email;
  const dossier = result?.dossier;
  const title = t('submit.done.title');
  useDocumentTitle(`${title} · ${t('app.shortName')}`);
  // The page changed under the person's focus (the submit button is gone): say where they are now.
  useEffect(() => heading.current?.focus(), []);
  const receipt = dossier?.forms.includes('mau_01') ? `/api/v1/portal/dossiers/${encodeURIComponent(code)}/forms/mau_01.pdf${secret ? `?secret=${secret}` : ''}` : null;

  return (
    <Stack gap="md" py={{ base: 'xs', sm: 'md' }}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconCircleCheck size={32} color="var(--mantine-color-green-9)" aria-hidden style={{ flexShrink: 0 }} />
        <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
      </Group>
      <Text>{t('submit.done.intro', { procedure: draft.procedure.name })}</Text>

      <Card withBorder padding="md" radius="sm" component="section" aria-labelledby="done-code">
        <Text id="done-code" size="sm" fw={600} c="dimmed">
          {t('submit.done.code')}
        </Text>
        <Text fz={24} fw={700} translate="no" style={{ overflowWrap: 'anywhere', letterSpacing: '0.02em' }}>
          {code}
        </Text>
        {dossier?.dueAt && (
          <Text size="sm" mt={4}>
            {t('submit.done.due', { when: formatWhen(dossier.dueAt, currentLanguage()) })}
          </Text>
        )}
      </Card>

      <Card withBorder padding="md" radius="sm" component="section" aria-labelledby="done-secret">
        <Text id="done-secret" size="sm" fw={600} c="dimmed">
          {t('submit.done.secret')}
        </Text>
        {secret ? (
          <>
            <Text fz={24} fw={700} translate="no" ff="monospace">
              {grouped(secret)}
            </Text>
            <Text size="sm" mt={4}>
              {t('submit.done.secretWhy')}
            </Text>
            <Text size="sm" mt={4}>
              {email ? t('submit.done.secretMailed', { email }) : t('submit.done.secretNoMail')}
            </Text>
            <Text size="sm" mt={4} fw={600}>
              {t('submit.done.secretOnce')}
            </Text>
          </>
        ) : (
          <Text size="sm">{t('submit.done.secretElsewhere')}</Text>
        )}
      </Card>

      {draft.procedure.presence && (
        <Alert color="blue" variant="light" title={t('submit.presence.title')}>
          <Text size="sm">{t('submit.presence.reason', { reason: draft.procedure.presence.reason })}</Text>
        </Alert>
      )}

      <Group gap="sm">
        <Button component={Link} to={`/ho-so/${encodeURIComponent(code)}`} leftSection={<IconListDetails size={18} aria-hidden />}>
          {t('submit.done.track')}
        </Button>
        {receipt && (
          <Button component="a" href={receipt} variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
            {t('submit.done.receipt')}
          </Button>
        )}
      </Group>
      <Anchor component={Link} to="/ho-so-cua-toi">
        {t('submit.done.myDossiers')}
      </Anchor>
    </Stack>
  );
}
