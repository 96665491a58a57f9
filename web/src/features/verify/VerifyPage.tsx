import type { VerifyByCodeResponse, VerifyByFileResponse } from '@core/eresult/api';
import { Alert, Badge, Button, Group, Input, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconSearch, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { api } from '../../lib/api';
import { formatWhen } from '../../lib/format';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import './register-texts';

// dark enough for white text to pass WCAG AA contrast at badge size
const STATUS_COLOR = { valid: '#1b5e20', revoked: '#b71c1c', superseded: '#8a4b00', unknown: '#424242' } as const;

/** Label / value rows of an answer. */
function Rows({ items }: { items: readonly (readonly [string, string | null | undefined])[] }) {
  return (
    <dl style={{ margin: 0, display: 'grid', gap: 6 }}>
      {items
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </div>
        ))}
    </dl>
  );
}

/** What the public may know of an e-result: status, issuer, type, date, masked holder, SHA-256. */
function ResultFacts({ result }: { result: VerifyByCodeResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge color={STATUS_COLOR[result.status]} size="lg" variant="filled">
          {t(`verify.status.${result.status}`)}
        </Badge>
      </Group>
      <Text>{t(`verify.statusText.${result.status}`)}</Text>
      <Rows
        items={[
          [t('verify.fields.code'), result.code],
          [t('verify.fields.issuer'), result.issuer ? `${result.issuer.name} (${result.issuer.code})` : null],
          [t('verify.fields.documentType'), result.documentType],
          [t('verify.fields.issuedAt'), result.issuedAt ? formatWhen(result.issuedAt, language) : null],
          [t('verify.fields.holder'), result.holder],
          [t('verify.fields.sha256'), result.sha256],
          [t('verify.fields.supersedes'), result.supersedes],
          [t('verify.fields.revokedAt'), result.revokedAt ? formatWhen(result.revokedAt, language) : null],
          [t('verify.fields.revokedReason'), result.revokedReason],
        ]}
      />
      {result.supersededBy && (
        <Link to={`/xac-minh/${encodeURIComponent(result.supersededBy)}`}>{t('verify.openResult', { code: result.supersededBy })}</Link>
      )}
    </Stack>
  );
}

/** The answer to a file sent for checking. */
function FileAnswer({ answer }: { answer: VerifyByFileResponse }) {
  const { t } = useTranslation();
  if (!answer.intact) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('verify.file_bad')}>
        {answer.problem ? t(`verify.problem.${answer.problem}`) : null}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('verify.file_ok')}>
        {answer.signer ? `${t('verify.fields.signer')}: ${answer.signer.commonName}` : null}
      </Alert>
      {answer.result && <ResultFacts result={answer.result} />}
    </Stack>
  );
}

/**
 * Public verification of e-results (docs/results.md): `/xac-minh/<code>` is what the QR code on an
 * e-result opens; `/xac-minh` also checks a PDF file's signature and content. No sign-in.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const codeParam = useParams().code ?? '';
  const [code, setCode] = useState(codeParam);
  const [codeMissing, setCodeMissing] = useState(false);
  const [fileMissing, setFileMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const fileErrorId = useId();

  const byCode = useQuery({
    queryKey: ['public', 'verify', codeParam],
    queryFn: () => api.get<VerifyByCodeResponse>(`/api/v1/verify/${encodeURIComponent(codeParam)}`),
    enabled: codeParam.length > 0,
    staleTime: 0,
    gcTime: 0,
  });
  const byFile = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<VerifyByFileResponse>('/api/v1/verify', form);
    },
  });

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return setCodeMissing(true);
    navigate(`/xac-minh/${encodeURIComponent(code.trim())}`);
  }
  function submitFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setFileMissing(true);
    byFile.mutate(file);
  }

  return (
    <>
      <PageHeader title={t('verify.title')} intro={t('verify.intro')} />
      <Stack gap="md" maw={640}>
        <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} aria-labelledby="verify-code-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="verify-code-title">
              {t('verify.byCode')}
            </Title>
            <form onSubmit={submitCode} noValidate aria-labelledby="verify-code-title">
              <Stack gap="sm">
                <TextInput
                  label={t('verify.code')}
                  description={t('verify.codeHint')}
                  value={code}
                  onChange={(e) => {
                    setCode(e.currentTarget.value);
                    setCodeMissing(false);
                  }}
                  error={codeMissing ? t('verify.codeRequired') : undefined}
                  required
                  autoComplete="off"
                  spellCheck={false}
                  translate="no"
                />
                <Button type="submit" leftSection={<IconSearch size={18} aria-hidden />} w="fit-content">
                  {t('verify.check')}
                </Button>
              </Stack>
            </form>
            <div aria-live="polite">
              {byCode.isFetching ? (
                <Loading />
              ) : byCode.error ? (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                  {byCode.error.message}
                </Alert>
              ) : (
                byCode.data && <ResultFacts result={byCode.data} />
              )}
            </div>
          </Stack>
        </Paper>
        <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} aria-labelledby="verify-file-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="verify-file-title">
              {t('verify.byFile')}
            </Title>
            <form onSubmit={submitFile} noValidate aria-labelledby="verify-file-title">
              <Stack gap="sm">
                <Input.Wrapper label={t('verify.file')} description={t('verify.fileHint')} labelProps={{ htmlFor: fileId }} required error={fileMissing ? t('verify.fileRequired') : null} errorProps={{ id: fileErrorId }}>
                  <input
                    ref={input}
                    id={fileId}
                    name="file"
                    type="file"
                    accept="application/pdf,.pdf"
                    required
                    aria-invalid={fileMissing}
                    aria-describedby={fileMissing ? fileErrorId : undefined}
                    onChange={() => {
                      setFileMissing(false);
                      byFile.reset();
                    }}
                    style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
                  />
                </Input.Wrapper>
                <Button type="submit" loading={byFile.isPending} leftSection={<IconUpload size={18} aria-hidden />} w="fit-content">
                  {t('verify.checkFile')}
                </Button>
              </Stack>
            </form>
            <div aria-live="polite">
              {byFile.error ? (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                  {byFile.error.message}
                </Alert>
              ) : (
                byFile.data && <FileAnswer answer={byFile.data} />
              )}
            </div>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
