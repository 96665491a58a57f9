import { CRITERIA, CRITERION_LABELS, type Criterion, SCORE_LABELS, SCORES, type Score } from '@core/feedback/criteria';
import { Alert, Button, Group, InputBase, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { QueryError } from '../shell/QueryError';
import { formatWhen } from '../../lib/format';
import { useRate, useRating } from './queries';

/**
 * The satisfaction evaluation after the result is returned: the nine criteria, each 2 / 1 / 0, and
 * an optional comment. Given once; afterwards the page shows what was given.
 */
export function RatingForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rating = useRating(code, true);
  const rate = useRate(code);
  const [scores, setScores] = useState<Partial<Record<Criterion, Score>>>({});
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);

  if (rating.isPending) return null;
  if (rating.error) return <QueryError error={rating.error} onRetry={() => void rating.refetch()} />;
  const given = rating.data.rating;
  if (!given && !rating.data.canRate) return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (CRITERIA.some((c) => scores[c] === undefined)) return;
    rate.mutate({ scores: scores as Record<Criterion, Score>, comment: comment.trim() || undefined });
  }

  return (
    <Paper component="section" withBorder radius="md" aria-labelledby="rating-title" p="md">
      <Title order={2} size="h4" id="rating-title" mb="xs">
        {t('portal.rating.title')}
      </Title>
      {given ? (
        <Stack gap="xs">
          <Alert role="status" color="green.9" variant="light" icon={<IconCircleCheck aria-hidden />}>
            {t('portal.rating.thanks', { when: formatWhen(given.ratedAt, language) })}
          </Alert>
          <List size="sm" spacing={2}>
            {CRITERIA.map((c) => (
              <List.Item key={c}>
                {CRITERION_LABELS[c][language]}: <strong>{SCORE_LABELS[given.scores[c]][language]}</strong>
              </List.Item>
            ))}
          </List>
          {given.comment && <Text size="sm">{t('portal.rating.yourComment', { comment: given.comment })}</Text>}
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('portal.rating.intro')}</Text>
            {CRITERIA.map((c, i) => {
              const missing = touched && scores[c] === undefined;
              return (
                <Radio.Group
                  key={c}
                  label={`${i + 1}. ${CRITERION_LABELS[c][language]}`}
                  value={scores[c] === undefined ? null : String(scores[c])}
                  onChange={(value) => setScores((s) => ({ ...s, [c]: Number(value) as Score }))}
                  error={missing ? t('portal.rating.required') : undefined}
                  required
                >
                  <Group gap="md" mt={6}>
                    {SCORES.map((score) => (
                      <Radio key={score} value={String(score)} label={SCORE_LABELS[score][language]} />
                    ))}
                  </Group>
                </Radio.Group>
              );
            })}
            <InputBase component="textarea" label={t('portal.rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} rows={3} />
            {rate.error && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                {rate.error.message}
              </Alert>
            )}
            <Button type="submit" loading={rate.isPending} w="fit-content">
              {t('portal.rating.send')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
