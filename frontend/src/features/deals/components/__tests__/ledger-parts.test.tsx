import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { recordedDeal, registeredDeal } from '@/testing/data/deals';
import { industries } from '@/testing/data/marketplace';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderFields, renderPart } from '@/testing/render-app';

import { amendBody, amendInitialValues, type AmendValues } from '../amend-body';
import { ContractFields } from '../amend-dialog';
import { LedgerActions } from '../ledger-actions';
import { ReverseDialog, VoidDialog } from '../reason-dialogs';
import { RegisterDialog } from '../register-dialog';

const noop = () => undefined;

describe('ledger actions, part by part', () => {
  it('offers the actions the contract’s state allows', () => {
    renderPart(<LedgerActions deal={recordedDeal} />);
    expect(screen.getByRole('button', { name: /认定登记/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /作\s*废/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /冲销/ })).not.toBeInTheDocument();
  });

  it('sends only what an amendment changed, and nothing when nothing changed', () => {
    const unchanged = amendInitialValues(registeredDeal) as AmendValues;
    expect(amendBody(registeredDeal, { ...unchanged, reason: '无' })).toBeNull();
    expect(amendBody(registeredDeal, { ...unchanged, title: ' 新标题 ', reason: ' 笔误 ' })).toEqual({ title: '新标题', reason: '笔误' });
  });

  it('registers with a trimmed number and reason', async () => {
    let body: unknown;
    mockApi({
      'POST /api/deals/7/register/': async (request) => {
        body = await request.json();
        return jsonResponse(registeredDeal);
      },
    });
    renderPart(<RegisterDialog deal={recordedDeal} open onClose={noop} />);
    const dialog = await screen.findByRole('dialog', { name: '认定登记' });
    fireEvent.change(within(dialog).getByLabelText('认定登记编号'), { target: { value: ' 330522-2026-0318 ' } });
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '符合认定条件 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '认定登记' }));
    await waitFor(() => expect(body).toMatchObject({ registration_number: '330522-2026-0318', reason: '符合认定条件' }));
  });

  it('refuses to void without a reason', async () => {
    mockApi({});
    renderPart(<VoidDialog deal={recordedDeal} open onClose={noop} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /作\s*废/ }));
    expect(await within(dialog).findByText('请填写原因')).toBeInTheDocument();
  });

  it('reverses the latest line by its id', async () => {
    let body: unknown;
    mockApi({
      'POST /api/deals/7/reverse/': async (request) => {
        body = await request.json();
        return jsonResponse(recordedDeal);
      },
    });
    renderPart(<ReverseDialog deal={registeredDeal} open onClose={noop} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '登记有误' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /冲\s*销/ }));
    await waitFor(() => expect(body).toEqual({ entry: registeredDeal.entries[1]!.id, reason: '登记有误' }));
  });

  it('asks for the registration’s facts only once the contract is registered', () => {
    mockApi({ 'GET /api/industries/': () => jsonResponse(industries) });
    const first = renderFields(<ContractFields registered={false} />);
    expect(screen.queryByLabelText('认定登记编号')).not.toBeInTheDocument();
    first.unmount();
    renderFields(<ContractFields registered />);
    expect(screen.getByLabelText('认定登记编号')).toBeInTheDocument();
  });
});
