import { Alert, type FormInstance } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';

import { applyServerErrors, type ApplyServerErrorsOptions } from '@/utils/form-errors';

import { useErrorMessage } from './query-states';

interface ShownError {
  message: string;
  items: string[];
}

export interface FormServerErrors {
  /** The alert to render above the form's buttons (null when there is nothing to say). */
  alert: ReactNode;
  /** Call with whatever a submit threw: field messages go next to fields, the rest into the alert. */
  show: (error: unknown) => void;
  clear: () => void;
}

/** Server errors for an antd form: `fields` onto the form's fields, everything else in an alert. */
export function useFormServerErrors(form: FormInstance, options?: ApplyServerErrorsOptions): FormServerErrors {
  const describe = useErrorMessage();
  const [shown, setShown] = useState<ShownError | null>(null);
  const show = useCallback(
    (error: unknown) => {
      const { unplaced } = applyServerErrors(form, error, options);
      setShown({ message: describe(error), items: unplaced });
    },
    [form, describe, options],
  );
  const clear = useCallback(() => setShown(null), []);
  const alert = shown ? (
    <Alert
      type="error"
      showIcon
      data-testid="form-error"
      message={shown.message}
      description={
        shown.items.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {shown.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : undefined
      }
      closable
      onClose={clear}
      style={{ marginBottom: 16 }}
    />
  ) : null;
  return { alert, show, clear };
}
