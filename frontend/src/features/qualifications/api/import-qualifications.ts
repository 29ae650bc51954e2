import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { qualificationKeys } from './get-qualifications';

export type QualificationImportReport = components['schemas']['QualificationImportOutput'];

/**
 * Uploads a list (multipart). The API answers at once with the report: counts when the whole file
 * was right, otherwise every problem of every row and nothing written (a 400 is about the file
 * itself: its encoding, size or missing columns).
 */
export const importQualifications = ({ file, source }: { file: File; source: string }) => {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('source', source);
  return unwrap(
    api.POST('/api/qualifications/import/', {
      // The typed body names the fields; the serializer sends the real multipart form.
      body: { file: file.name, source },
      bodySerializer: () => form,
    }),
  );
};

export function useImportQualifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importQualifications,
    onSuccess: (report) => {
      if (report.errors.length === 0) void queryClient.invalidateQueries({ queryKey: qualificationKeys.all });
    },
  });
}
