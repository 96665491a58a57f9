import { Anchor, Box, SimpleGrid, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Step, STEPS } from './live';

/** The four steps as links (each can be visited any time: the draft is saved as it goes). */
export function StepNav({ current, done, onGo }: { current: Step; done: ReadonlySet<Step>; onGo(step: Step): void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('submit.steps.label')}>
      <SimpleGrid component="ol" cols={{ base: 2, sm: 4 }} spacing={6} verticalSpacing={6} p={0} m={0} style={{ listStyle: 'none' }}>
        {STEPS.map((step, index) => {
          const active = step === current;
          return (
            <Box component="li" key={step} miw={0}>
              <Anchor
                component={Link}
                to={`?buoc=${step}`}
                onClick={(event) => {
                  event.preventDefault();
                  onGo(step);
                }}
                aria-current={active ? 'step' : undefined}
                underline="never"
                display="flex"
                p={6}
                style={{
                  gap: 6,
                  alignItems: 'center',
                  borderRadius: 'var(--mantine-radius-sm)',
                  border: `1px solid ${active ? 'var(--mantine-color-blue-9)' : 'var(--mantine-color-gray-4)'}`,
                  background: active ? 'var(--mantine-color-blue-0)' : undefined,
                  color: active ? 'var(--mantine-color-blue-9)' : 'var(--mantine-color-gray-9)',
                  minHeight: 44,
                }}
              >
                <Text span fw={700} size="sm" aria-hidden>
                  {index + 1}.
                </Text>
                <Text span size="sm" fw={active ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
                  {t(`submit.steps.${step}`)}
                </Text>
                {done.has(step) && <IconCircleCheck size={16} color="var(--mantine-color-green-9)" style={{ flexShrink: 0, marginLeft: 'auto' }} aria-label={t('submit.steps.done')} />}
              </Anchor>
            </Box>
          );
        })}
      </SimpleGrid>
    </nav>
  );
}
