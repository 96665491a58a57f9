import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { QueryError } from '../shell/QueryError';
import { formatSize, formatWhen } from '../../lib/format';
import { resultUrl, useResults } from './queries';

/** The electronic result, once issued and returned online: each document to download (every download is logged). */
export function ResultsPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const results = useResults(code, true);
  if (results.isPending) return null;
  if (results.error) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data.available || results.data.files.length === 0) return null;
  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="results-title" bg="green.0" p="md">
      <Stack gap="xs">
        <Title order={2} size="h4" id="results-title">
          {t('portal.results.title')}
        </Title>
        <Text size="sm">{t('portal.results.intro')}</Text>
        <List spacing="xs" listStyleType="none" p={0}>
          {results.data.files.map((file) => (
            <List.Item key={file.id} icon={<IconDownload size={18} aria-hidden />}>
              <Anchor href={resultUrl(code, file.id)} download={file.eresultCode ? `${file.eresultCode}.pdf` : file.filename}>
                {t('portal.results.download', { name: file.filename })}
              </Anchor>
              {file.eresultCode && (
                <Text size="sm">
                  <Anchor component={Link} to={`/xac-minh/${encodeURIComponent(file.eresultCode)}`}>
                    {t('portal.results.verify', { code: file.eresultCode })}
                  </Anchor>
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatSize(file.size, language)} · {formatWhen(file.uploadedAt, language)}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
