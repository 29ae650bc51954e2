import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderFields } from '@/testing/render-app';

import { AccountFields } from '../account-fields';
import { OrganisationFields } from '../organisation-fields';
import { toInput } from '../register-input';
import { UsccField } from '../uscc-field';

describe('registration, part by part', () => {
  it('sends the organisation trimmed, with a place only outside the city, the one to join, or the user alone', () => {
    const user = { username: ' li.na ', password: 'p', passwordConfirm: 'p', email: ' ' };
    const organisation = { name: ' 研究院 ', kind: 'institute' as const, uscc: ' 12100000400000624d ', region: 'outside' as const, province: ' 浙江 ', city: ' 杭州 ' };
    expect(toInput({ ...user, orgMode: 'none', organisation })).toEqual({ username: 'li.na', password: 'p', email: '' });
    expect(toInput({ ...user, orgMode: 'join', organisation, join: { organisation: 7, message: ' 研发部 ' } })).toEqual({
      username: 'li.na',
      password: 'p',
      email: '',
      join_organisation: 7,
      join_message: '研发部',
    });
    expect(toInput({ ...user, orgMode: 'create', organisation }).organisation).toEqual({
      name: '研究院',
      kind: 'institute',
      institute_type: '',
      uscc: '12100000400000624D',
      region: 'outside',
      province: '浙江',
      city: '杭州',
    });
  });

  it('says when the two passwords differ', async () => {
    renderFields(<AccountFields />);
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Huzhou-2027-keji' } });
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'Huzhou-2027-kej' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('两次输入的密码不一致')).toBeInTheDocument();
  });

  it('marks a valid USCC and says a wrong check character does not match', async () => {
    renderFields(<UsccField />);
    const uscc = screen.getByLabelText('统一社会信用代码');
    fireEvent.change(uscc, { target: { value: '91330100799655058C' } });
    expect(await screen.findByText('统一社会信用代码校验位不符：请从营业执照或法人证书上复制完整的代码')).toBeInTheDocument();
    fireEvent.change(uscc, { target: { value: '91330100799655058b' } });
    expect(await screen.findByTestId('uscc-valid')).toHaveTextContent('校验通过');
  });

  it('asks for a place only outside the city, and the kind of institute only for institutes', async () => {
    renderFields(<OrganisationFields />, { organisation: { kind: 'enterprise', region: 'outside' } });
    expect(await screen.findByLabelText('省份')).toBeInTheDocument();
    expect(screen.queryByLabelText('科研机构类别')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('科研机构'));
    expect(await screen.findByLabelText('科研机构类别')).toBeInTheDocument();
  });

  it('counts a pasted name, keeps it whole when too long, and names the limit', async () => {
    renderFields(<OrganisationFields />, { organisation: { kind: 'enterprise' } });
    const name = screen.getByLabelText('机构名称');
    fireEvent.change(name, { target: { value: '湖'.repeat(125) } });

    expect(name).toHaveValue('湖'.repeat(125)); // not cut
    expect(screen.getByText('125 / 120')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('最多 120 个字，请删减后再提交')).toBeInTheDocument();
  });

  it('has no district chosen, and asks for one plainly', async () => {
    renderFields(<OrganisationFields />, { organisation: { kind: 'enterprise' } });
    expect(screen.getByText('请选择区县，或“湖州市外”')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('请选择机构所在地区')).toBeInTheDocument();
  });
});
