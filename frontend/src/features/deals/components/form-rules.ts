import { compareAmounts } from '@/utils/money';

/** A form rule: the technical amount may not exceed the contract amount (exact, on fen). */
export function technicalWithinContract(message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: unknown) => {
      const contract = getFieldValue('contract_amount');
      if (typeof value !== 'string' || value === '' || typeof contract !== 'string' || contract === '') return Promise.resolve();
      const order = compareAmounts(value, contract);
      return order !== null && order > 0 ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}
