import type { DossierDetail } from '@core/dossier/api';
import { CRITERIA, CRITERION_LABELS, SCORE_LABELS } from '@core/feedback/criteria';
import { Badge, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { formatWhen } from '../dossiers/format';
import { useRating } from './queries';

/** A score's colour: words always say it too. */
const SCORE_COLORS = { 2: '#1b6b34', 1: 'gray.8', 0: 'red.9' } as const;

/** The applicant's evaluation of a returned dossier, criterion by criterion (nothing before the return). */
export function DossierRating({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const returned = dossier.status === 'returned';
  const rating = useRating(dossier.code ?? dossier.id, returned);
  const titleId = useId();
  if (!returned || !rating.isSuccess) return null;
  const r = rating.data;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t('staffRating.title')}
      </Title>
      {!r ? (
        <Text c="dimmed">{t('staffRating.none')}</Text>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {t('staffRating.ratedAt', { at: formatWhen(r.ratedAt, language) })}
            {r.disliked && ` — ${t('staffRating.disliked')}`}
          </Text>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing={6} m={0}>
            {CRITERIA.map((c) => (
              <div key={c} style={{ minWidth: 0 }}>
                <Text component="dt" size="sm">
                  {CRITERION_LABELS[c][language]}
                </Text>
                <dd style={{ margin: 0 }}>
                  <Badge variant="outline" radius="sm" tt="none" color={SCORE_COLORS[r.scores[c]]} c={SCORE_COLORS[r.scores[c]]} styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal' } }}>
                    {SCORE_LABELS[r.scores[c]][language]}
                  </Badge>
                </dd>
              </div>
            ))}
          </SimpleGrid>
          {r.comment && (
            <Text mt="sm">
              {t('staffRating.comment')}: {r.comment}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
