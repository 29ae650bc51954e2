import { Alert, App, Badge, Button, Card, Empty, Flex, Form, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';

import { CountedTextArea, tooLong } from '@/components/counted-text';
import { ErrorResult, LoadingBlock, useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import type { Challenge } from '../api/get-challenge';
import { useAnswerQuestion, useAskQuestion, useQuestions, type Question } from '../api/questions';

const QUESTION_MAX = 2000;
const ANSWER_MAX = 4000;

function AskForm({ challengeId }: { challengeId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const ask = useAskQuestion(challengeId);
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="ask-question"
      onFinish={({ text }) =>
        ask.mutateAsync(text.trim()).then(
          () => {
            form.resetFields();
            void message.success(t('questions.ask.done'));
          },
          (error: unknown) => void message.error(describe(error)),
        )
      }
    >
      <Form.Item
        name="text"
        label={t('questions.ask.label')}
        extra={t('questions.ask.hint')}
        rules={[tooLong(t, QUESTION_MAX), { required: true, whitespace: true, message: t('form.required', { field: t('questions.ask.label') }) }]}
      >
        <CountedTextArea rows={3} max={QUESTION_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={ask.isPending}>
        {t('questions.ask.submit')}
      </Button>
    </Form>
  );
}

/** The owner's answer box: 私下回复 (the asking organisation alone reads it) or 公开答复 (every reader). */
function AnswerBox({ challengeId, question }: { challengeId: number; question: Question }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const answer = useAnswerQuestion(challengeId);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const send = (isPublic: boolean) => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    answer.mutate(
      { questionId: question.id, body: { answer: text.trim(), public: isPublic } },
      {
        onSuccess: () => void message.success(t(isPublic ? 'questions.answer.publicDone' : 'questions.answer.privateDone')),
        onError: (error) => void message.error(describe(error)),
      },
    );
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <CountedTextArea
        rows={2}
        max={ANSWER_MAX}
        aria-label={t('questions.answer.label')}
        placeholder={t('questions.answer.label')}
        value={text}
        status={missing ? 'error' : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
      />
      {missing ? <Typography.Text type="danger">{t('form.required', { field: t('questions.answer.label') })}</Typography.Text> : null}
      <Space>
        <Button onClick={() => send(false)} loading={answer.isPending}>
          {t('questions.answer.private')}
        </Button>
        <Button type="primary" onClick={() => send(true)} loading={answer.isPending}>
          {t('questions.answer.public')}
        </Button>
      </Space>
    </Space>
  );
}

function QuestionItem({ question, owner, challengeId }: { question: Question; owner: boolean; challengeId: number }) {
  const { t, formatMinute } = useI18n();
  const answered = Boolean(question.answered_at);
  return (
    <List.Item data-testid="question" data-question-id={question.id}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Space size={[4, 4]} wrap>
          {!answered ? <Tag color="orange">{t('questions.state.open')}</Tag> : null}
          {answered ? <Tag color={question.is_public ? 'green' : 'blue'}>{t(question.is_public ? 'questions.state.public' : 'questions.state.private')}</Tag> : null}
          {question.mine ? <Tag>{t('questions.mine')}</Tag> : null}
          {question.asker ? <Typography.Text type="secondary">{t('questions.asker', { organisation: question.asker })}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatMinute(question.created_at)}
          </Typography.Text>
        </Space>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
          <Typography.Text strong>{t('questions.q')}</Typography.Text>
          {question.text}
        </Typography.Paragraph>
        {answered ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }} data-testid="answer">
            <Typography.Text strong>{t('questions.a')}</Typography.Text>
            {question.answer}
          </Typography.Paragraph>
        ) : owner ? (
          <AnswerBox challengeId={challengeId} question={question} />
        ) : null}
      </Flex>
    </List.Item>
  );
}

/**
 * 答疑 on a challenge: those who may bid ask privately; the owner answers each question privately or
 * publishes it (never naming the asker); readers see the public answers and their own questions.
 */
export function QuestionsSection({ challenge, owner }: { challenge: Challenge; owner: boolean }) {
  const { t } = useI18n();
  const { data, error, isPending, refetch } = useQuestions(challenge.id);
  let body;
  if (isPending) body = <LoadingBlock rows={2} label={t('questions.loading')} />;
  else if (error) body = <ErrorResult error={error} onRetry={() => void refetch()} />;
  else {
    body = (
      <Flex vertical gap={16}>
        {data.can_ask ? <AskForm challengeId={challenge.id} /> : null}
        {!data.can_ask && !owner && challenge.status === 'published' ? <Alert type="info" showIcon message={t('questions.cannotAsk')} /> : null}
        {data.results.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('questions.empty')} />
        ) : (
          <List
            dataSource={data.results}
            renderItem={(question) => <QuestionItem key={question.id} question={question} owner={owner} challengeId={challenge.id} />}
          />
        )}
      </Flex>
    );
  }
  const unanswered = owner && data ? data.unanswered : 0;
  return (
    <Card
      data-testid="questions-section"
      title={
        <Space>
          <h2 className="card-title">{t('questions.title')}</h2>
          {unanswered > 0 ? <Badge count={t('questions.unanswered', { n: unanswered })} style={{ backgroundColor: '#fa8c16' }} data-testid="unanswered-count" /> : null}
        </Space>
      }
    >
      {body}
    </Card>
  );
}
