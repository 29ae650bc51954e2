import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { organisations, taihuLabOrg, tiannengOrg, xiaopengOrg } from '@/testing/data/marketplace';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderFields } from '@/testing/render-app';

import { toBidInput } from '../bid-form';
import { BidMilestonesField } from '../bid-milestones-field';
import { BidPartnersField } from '../bid-partners-field';

describe('the bid form, part by part', () => {
  it('sends the texts trimmed and blank optional ones as empty', () => {
    expect(
      toBidInput({
        proposal: ' 方案 ',
        approach: ' 路线 ',
        price: '800000',
        duration_days: 180,
        milestones: [{ title: ' 小试 ', due_day: 60 }],
        partners: [{ organisation: 10 }],
      }),
    ).toEqual({
      proposal: '方案',
      approach: '路线',
      price: '800000',
      duration_days: 180,
      milestones: [{ title: '小试', due_day: 60, deliverable: '' }],
      partners: [{ organisation: 10, role: '' }],
    });
  });

  it('adds and removes milestone rows', () => {
    renderFields(<BidMilestonesField />);
    fireEvent.click(screen.getByRole('button', { name: /添加里程碑/ }));
    fireEvent.click(screen.getByRole('button', { name: /添加里程碑/ }));
    expect(screen.getAllByTestId('milestone-row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 个里程碑' }));
    expect(screen.getAllByTestId('milestone-row')).toHaveLength(1);
  });

  it('offers as partners verified enterprises and institutes other than the lead and the owner, and asks for consent', async () => {
    mockApi({ 'GET /api/organisations/': () => jsonResponse(organisations) });
    renderFields(<BidPartnersField myOrganisationId={tiannengOrg.id} ownerOrganisationId={xiaopengOrg.id} />);
    expect(screen.queryByTestId('partners-consent')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /添加联合体成员/ }));
    expect(screen.getByTestId('partners-consent')).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('combobox'));
    expect(await screen.findByText(taihuLabOrg.name, { selector: '.ant-select-item-option-content' })).toBeInTheDocument();
    expect(screen.queryByText(tiannengOrg.name, { selector: '.ant-select-item-option-content' })).not.toBeInTheDocument();
    expect(screen.queryByText(xiaopengOrg.name, { selector: '.ant-select-item-option-content' })).not.toBeInTheDocument();
  });
});
