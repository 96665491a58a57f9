import type { ProcedureDetail } from '@core/catalogue/api';
import { Alert, Anchor, Badge, Button, Card, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconHistory, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { formatProcessingTime, formatVnd, ONLINE_COLORS } from './format';
import { useProcedure } from './queries';

type Procedure = ProcedureDetail['procedure'];

/** Forms uploaded to the catalogue are downloadable; a bare file name only names the form. */
const FORM_PREFIX = '/api/v1/procedure-forms/';

/** A titled block of the procedure page. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md" radius="sm">
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A label and its value, stacked so long texts wrap on phones. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Where to go: the one-stop units receiving dossiers and the agencies deciding. */
function UnitList({ codes, names }: { codes: string[]; names: Record<string, string> }) {
  if (codes.length === 0) return <Text>—</Text>;
  return (
    <List spacing={2} size="sm">
      {codes.map((code) => (
        <List.Item key={code}>{names[code] ?? code}</List.Item>
      ))}
    </List>
  );
}

function Components({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  if (procedure.components.length === 0) return <Text>{t('catalogue.noComponents')}</Text>;
  return (
    <Stack component="ol" gap="sm" style={{ paddingLeft: '1.25rem', margin: 0 }}>
      {procedure.components.map((component, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: components are an ordered list without identity
        <li key={index}>
          <Text fw={600}>{component.name}</Text>
          <Group gap="xs" mt={4} wrap="wrap">
            <Badge variant="outline" color={component.required ? 'red.9' : 'gray.8'} c={component.required ? 'red.9' : 'gray.8'} radius="sm" tt="none">
              {component.required ? t('catalogue.required') : t('catalogue.optional')}
            </Badge>
            <Text size="sm">
              {t('catalogue.originals')}: {component.originals} · {t('catalogue.copies')}: {component.copies}
            </Text>
          </Group>
          {component.condition && (
            <Text size="sm" c="dimmed" mt={2}>
              {t('catalogue.condition', { condition: component.condition })}
            </Text>
          )}
          {component.form &&
            (component.form.startsWith(FORM_PREFIX) ? (
              <Anchor href={component.form} size="sm" download style={{ overflowWrap: 'anywhere' }}>
                <IconDownload size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                {t('catalogue.form', { name: decodeURIComponent(component.form.split('/').pop() ?? '') })}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('catalogue.formName', { name: component.form })}
              </Text>
            ))}
        </li>
      ))}
    </Stack>
  );
}

function Fees({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  if (procedure.fees.length === 0) return <Text>{t('catalogue.noFees')}</Text>;
  return (
    <List spacing="xs">
      {procedure.fees.map((fee, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fees are an ordered list without identity
        <List.Item key={index}>
          <Text span fw={600}>
            {fee.name}
          </Text>
          {': '}
          {fee.amount === null ? fee.rule : formatVnd(fee.amount)}
          {fee.amount !== null && fee.rule ? ` (${fee.rule})` : ''}
        </List.Item>
      ))}
    </List>
  );
}

function Steps({ procedure, names }: { procedure: Procedure; names: Record<string, string> }) {
  const { t } = useTranslation();
  const unit = procedure.processingTime?.unit;
  return (
    <Stack component="ol" gap="xs" style={{ paddingLeft: '1.25rem', margin: 0 }}>
      {procedure.steps.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list without identity
        <li key={index}>
          <Text fw={600}>{step.name}</Text>
          <Text size="sm" c="dimmed">
            {t(`catalogue.stepRoles.${step.role}`)}
            {step.unit ? ` · ${names[step.unit] ?? step.unit}` : ''}
            {unit && unit !== 'immediate' && step.time > 0 ? ` · ${t('catalogue.stepTime', { time: formatProcessingTime(t, { amount: step.time, unit }) })}` : ''}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/** The public page of one procedure: everything a citizen needs before applying, readable on a phone. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const detail = useProcedure(code);

  const back = (
    <Anchor component={Link} to="/thu-tuc" size="sm" w="fit-content">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {t('catalogue.backToSearch')}
    </Anchor>
  );

  if (detail.isPending) return <Loading minHeight="50vh" />;
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Stack gap="md" py="md">
        {back}
        {notFound ? (
          <>
            <PageHeader title={t('staff.notFoundTitle')} />
            <Alert color="gray">{t('catalogue.notFound', { code })}</Alert>
          </>
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Stack>
    );
  }

  const { procedure: p, unitNames: names } = detail.data;
  return (
    <Stack gap="md" py={{ base: 'xs', sm: 'md' }}>
      {back}
      <PageHeader title={p.name} />
      <Group gap="xs" mt={-12} wrap="wrap">
        <Badge color={ONLINE_COLORS[p.onlineLevel]} c={ONLINE_COLORS[p.onlineLevel]} variant="outline" radius="sm" tt="none">
          {t(`catalogue.onlineBadge.${p.onlineLevel}`)}
        </Badge>
        <Text size="sm" translate="no">
          {t('catalogue.code')}: {p.code}
        </Text>
        <Anchor component={Link} to={`/thu-tuc/${p.code}/versions`} size="sm">
          <IconHistory size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
          {t('catalogue.version', { version: detail.data.version })}
        </Anchor>
      </Group>
      {detail.data.status === 'abolished' && <Alert color="red">{t('catalogue.abolished')}</Alert>}
      {detail.data.status === 'active' && p.onlineLevel !== 'none' && (
        <Stack gap={4}>
          <Button component={Link} to={`/nop-ho-so/${encodeURIComponent(p.code)}`} leftSection={<IconSend size={18} aria-hidden />} w={{ base: '100%', xs: 'fit-content' }}>
            {t('catalogue.applyOnline')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('catalogue.applyOnlineHint')}
          </Text>
        </Stack>
      )}

      <Section id="proc-overview" title={t('catalogue.overview')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Fact label={t('catalogue.time')}>{formatProcessingTime(t, p.processingTime)}</Fact>
          <Fact label={t('catalogue.field')}>{p.field.name}</Fact>
          <Fact label={t('catalogue.level')}>{t(`catalogue.levels.${p.level}`)}</Fact>
          <Fact label={t('catalogue.responsibleUnit')}>{names[p.responsibleUnit] ?? p.responsibleUnit}</Fact>
          <Fact label={t('catalogue.applicants')}>{p.applicants.map((a) => t(`catalogue.applicantTypes.${a}`)).join(', ') || '—'}</Fact>
          <Fact label={t('catalogue.methods')}>{p.methods.map((m) => t(`catalogue.methodTypes.${m}`)).join(', ') || '—'}</Fact>
          <Fact label={t('catalogue.onlineTitle')}>
            {t(`catalogue.onlineLevels.${p.onlineLevel}`)}
            {p.onlineLevel !== 'full' && p.onlineJustification ? `. ${t('catalogue.justification', { reason: p.onlineJustification })}` : ''}
          </Fact>
          {p.result && (
            <Fact label={t('catalogue.result')}>
              {p.result.name} ({p.result.paper ? t('catalogue.paper') : t('catalogue.electronic')})
            </Fact>
          )}
        </SimpleGrid>
      </Section>

      <Section id="proc-components" title={t('catalogue.components')}>
        <Components procedure={p} />
      </Section>

      <Section id="proc-where" title={t('catalogue.where')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Paper>
            <Title order={3} size="h5" mb={4}>
              {t('catalogue.receivingUnits')}
            </Title>
            <UnitList codes={p.receivingUnits} names={names} />
          </Paper>
          <Paper>
            <Title order={3} size="h5" mb={4}>
              {t('catalogue.implementingUnits')}
            </Title>
            <UnitList codes={p.implementingUnits} names={names} />
          </Paper>
        </SimpleGrid>
      </Section>

      <Section id="proc-fees" title={t('catalogue.fees')}>
        <Fees procedure={p} />
      </Section>

      {p.steps.length > 0 && (
        <Section id="proc-steps" title={t('catalogue.steps')}>
          <Steps procedure={p} names={names} />
        </Section>
      )}
      {p.conditions && (
        <Section id="proc-conditions" title={t('catalogue.conditions')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{p.conditions}</Text>
        </Section>
      )}
      {p.legalBasis && (
        <Section id="proc-legal" title={t('catalogue.legalBasis')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{p.legalBasis}</Text>
        </Section>
      )}
    </Stack>
  );
}

