import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { challengeKeys } from './get-challenges';

type Schemas = components['schemas'];
export type Question = Schemas['QuestionOutput'];
export type QuestionList = Schemas['QuestionListOutput'];
export type AnswerBody = Schemas['AnswerInputRequest'];
export type ExtensionBody = Schemas['DeadlineExtensionInputRequest'];

const questionsKey = (id: number) => [...challengeKeys.detail(id), 'questions'] as const;

/** 答疑: the owner reads every question; others the public answers and their own organisation's. */
export function useQuestions(id: number) {
  return useQuery(
    queryOptions({
      queryKey: questionsKey(id),
      queryFn: ({ signal }) => unwrap(api.GET('/api/challenges/{id}/questions/', { params: { path: { id } }, signal })),
    }),
  );
}

export function useAskQuestion(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => unwrap(api.POST('/api/challenges/{id}/questions/', { params: { path: { id } }, body: { text } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionsKey(id) }),
  });
}

export function useAnswerQuestion(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, body }: { questionId: number; body: AnswerBody }) =>
      unwrap(api.POST('/api/challenges/{id}/questions/{question_id}/answer/', { params: { path: { id, question_id: questionId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: questionsKey(id) }),
  });
}

/** The one deadline extension: the answer is the challenge as it now is; its history gains the entry. */
export function useExtendDeadline(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExtensionBody) => unwrap(api.POST('/api/challenges/{id}/extend-deadline/', { params: { path: { id } }, body })),
    onSuccess: (challenge) => {
      queryClient.setQueryData(challengeKeys.detail(id), challenge);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.history(id) });
    },
  });
}
