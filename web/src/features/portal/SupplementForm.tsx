import { Alert, Button, Input, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { formatWhen } from '../../lib/format';
import { type SupplementFile, useAnswerSupplement } from './queries';

/** What the server checks by content; the picker offers only these. */
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

interface Item {
  index: number;
  text: string;
  componentId: string;
}

/**
 * Answers a supplement request online: one file picker per requested item (several files allowed),
 * sent together. Every item needs a file; the server checks each file's content and size.
 */
export function SupplementForm({ code, items, requestedAt }: { code: string; items: readonly Item[]; requestedAt: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useAnswerSupplement(code);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [missing, setMissing] = useState<string[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files: SupplementFile[] = [];
    const empty: string[] = [];
    for (const item of items) {
      const chosen = [...(inputs.current.get(item.componentId)?.files ?? [])];
      if (chosen.length === 0) empty.push(item.componentId);
      for (const file of chosen) files.push({ componentId: item.componentId, file });
    }
    setMissing(empty);
    if (empty.length === 0) answer.mutate(files);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="supplement-title">
      <Stack gap="sm">
        <Text fw={700} id="supplement-title">
          {t('portal.supplement.title')}
        </Text>
        <Text size="sm">{t('portal.supplement.intro', { when: formatWhen(requestedAt, language) })}</Text>
        {items.map((item) => {
          const id = `supplement-${item.index}`;
          const error = missing.includes(item.componentId) ? t('portal.supplement.required') : undefined;
          return (
            <Input.Wrapper key={item.componentId} label={t('portal.supplement.item', { index: item.index, text: item.text })} labelProps={{ htmlFor: id }} error={error} errorProps={{ id: `${id}-error` }}>
              <input
                id={id}
                type="file"
                multiple
                accept={ACCEPT}
                ref={(el) => {
                  if (el) inputs.current.set(item.componentId, el);
                  else inputs.current.delete(item.componentId);
                }}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-error` : undefined}
                style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
              />
            </Input.Wrapper>
          );
        })}
        <Text size="xs" c="dimmed">
          {t('portal.supplement.hint')}
        </Text>
        {answer.error && (
          <Alert color="red" variant="light" title={t('portal.supplement.failed')} icon={<IconAlertCircle aria-hidden />}>
            {answer.error.message}
          </Alert>
        )}
        <Button type="submit" loading={answer.isPending} leftSection={<IconUpload size={18} aria-hidden />} w="fit-content">
          {t('portal.supplement.send')}
        </Button>
      </Stack>
    </form>
  );
}
