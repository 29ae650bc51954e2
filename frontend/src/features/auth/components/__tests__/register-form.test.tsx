import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { tianneng } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsMade } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

/** The antd form item (label, control, messages) that holds the control with this label. */
function fieldOf(label: string | RegExp) {
  const item = screen.getByLabelText(label).closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error(`no form item for ${String(label)}`);
  return item;
}

async function fillUser(user: ReturnType<typeof renderApp>['user']) {
  await user.type(screen.getByLabelText('用户名'), 'zhang.wei');
  await user.type(screen.getByLabelText('密码'), 'Huzhou-2027-keji');
  await user.type(screen.getByLabelText('确认密码'), 'Huzhou-2027-keji');
  await user.type(screen.getByLabelText('机构名称'), '湖州南太湖新材料研究院');
}

describe('registration with an organisation', () => {
  it('checks the USCC check character while typing, without naming the expected one', async () => {
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    const uscc = screen.getByLabelText('统一社会信用代码');

    await user.type(uscc, '9133010079965505');
    // Unfinished is not wrong yet.
    expect(within(fieldOf('统一社会信用代码')).queryByRole('alert')).not.toBeInTheDocument();

    await user.type(uscc, '8C');
    expect(await within(fieldOf('统一社会信用代码')).findByText('统一社会信用代码校验位不符：请从营业执照或法人证书上复制完整的代码')).toBeInTheDocument();

    await user.type(uscc, '{Backspace}b');
    // Lower case is accepted by upper-casing it.
    expect(uscc).toHaveValue('91330100799655058B');
    expect(await screen.findByTestId('uscc-valid')).toHaveTextContent('校验通过');
    await waitFor(() => expect(within(fieldOf('统一社会信用代码')).queryByText(/校验位不符/)).not.toBeInTheDocument());
  });

  it('shows a wrong check character once when the form is sent', async () => {
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    await fillUser(user);
    await user.type(screen.getByLabelText('统一社会信用代码'), '91330100799655058C');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    await waitFor(() => expect(within(fieldOf('统一社会信用代码')).getAllByText(/校验位不符/)).toHaveLength(1));
  });

  it('flags a character outside the alphabet at once, and a short code on leaving the field', async () => {
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    const uscc = screen.getByLabelText('统一社会信用代码');

    await user.type(uscc, '9133O');
    expect(await screen.findByText('统一社会信用代码含有不允许的字符：O（不使用 I、O、Z、S、V）')).toBeInTheDocument();

    await user.clear(uscc);
    await user.type(uscc, '12100000400000624');
    await user.tab();
    expect(await screen.findByText('统一社会信用代码应为18位，当前为17位')).toBeInTheDocument();
  });

  it.each(['91440300708461136T', '12100000400000624D'])('accepts the real code %s', async (code) => {
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    await user.type(screen.getByLabelText('统一社会信用代码'), code);
    expect(await screen.findByTestId('uscc-valid')).toBeInTheDocument();
  });

  it('sends the organisation, signs in with the token it gets back, and goes where it was asked to', async () => {
    let body: unknown;
    const spy = mockApi({
      'POST /api/auth/register/': async (request) => {
        body = await request.json();
        return jsonResponse({ user: { ...tianneng, username: 'zhang.wei' }, token: 'new-token' }, 201);
      },
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 0 }),
      'GET /api/industries/': () => jsonResponse([]),
      'GET /api/challenges/': () => jsonResponse({ count: 0, next: null, previous: null, results: [] }),
    });
    const { user, router } = renderApp('/register?next=/challenges');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    await fillUser(user);
    await user.type(screen.getByLabelText('统一社会信用代码'), '91330100799655058b');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/challenges'));
    expect(body).toEqual({
      username: 'zhang.wei',
      password: 'Huzhou-2027-keji',
      email: '',
      organisation: { name: '湖州南太湖新材料研究院', kind: 'enterprise', institute_type: '', uscc: '91330100799655058B', region: 'wuxing' },
    });
    expect(window.localStorage.getItem('techmatch.token')).toBe('new-token');
    expect(await within(screen.getByRole('banner')).findByText(/zhang\.wei/)).toBeInTheDocument();
    // The answer already named the user: no extra request for /api/auth/me/.
    expect(requestsMade(spy)).not.toContain('GET /api/auth/me/');
  });

  it('shows server field errors next to their fields, nested or reported at the top level', async () => {
    mockApi({
      'POST /api/auth/register/': () =>
        jsonResponse(
          {
            detail: '输入有误，请检查各字段。',
            code: 'invalid',
            fields: {
              username: ['该用户名已被注册'],
              password: ['这个密码太常见了。'],
              organisation: { name: ['名称过长'] },
              uscc: ['该统一社会信用代码已注册：如是贵单位，请联系其管理员将您加入'],
            },
          },
          400,
        ),
    });
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    await fillUser(user);
    await user.type(screen.getByLabelText('统一社会信用代码'), '91330100799655058B');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    expect(await within(fieldOf('用户名')).findByText('该用户名已被注册')).toBeInTheDocument();
    expect(within(fieldOf('机构名称')).getByText('名称过长')).toBeInTheDocument();
    // The model check reports `uscc` at the top; the form holds it under the organisation.
    expect(within(fieldOf('统一社会信用代码')).getByText('该统一社会信用代码已注册：如是贵单位，请联系其管理员将您加入')).toBeInTheDocument();
    expect(within(fieldOf('密码')).getByText('这个密码太常见了。')).toBeInTheDocument();
    // The code is well-formed, but the server's word wins: no green mark beside its error.
    expect(screen.queryByTestId('uscc-valid')).not.toBeInTheDocument();
    expect(screen.getByTestId('form-error')).toHaveTextContent('输入有误，请检查各字段。');
    expect(window.localStorage.getItem('techmatch.token')).toBeNull();
  });

  it('asks for the kind of institute only for institutes, and can register a user alone', async () => {
    let body: unknown;
    mockApi({
      'POST /api/auth/register/': async (request) => {
        body = await request.json();
        return jsonResponse({ user: { ...tianneng, username: 'li.na', organisation: null }, token: 't' }, 201);
      },
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 0 }),
      'GET /api/industries/': () => jsonResponse([]),
      'GET /api/health/': () => jsonResponse({ status: 'ok', version: '0.1.0', checks: {} }),
      'GET /api/stats/': () => jsonResponse({ open_challenges: 0, open_bounty: '0.00', open_needs: 0, capabilities: 0, institutes: 0 }),
      'GET /api/challenges/': () => jsonResponse({ count: 0, next: null, previous: null, results: [] }),
    });
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    expect(screen.queryByLabelText('科研机构类别')).not.toBeInTheDocument();
    await user.click(screen.getByText('科研机构'));
    expect(screen.getByLabelText('科研机构类别')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: '同时登记所在机构' }));
    expect(screen.queryByLabelText('统一社会信用代码')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('用户名'), 'li.na');
    await user.type(screen.getByLabelText('密码'), 'Taihu-lake-2027');
    await user.type(screen.getByLabelText('确认密码'), 'Taihu-lake-2027');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));
    await waitFor(() => expect(body).toEqual({ username: 'li.na', password: 'Taihu-lake-2027', email: '' }));
  });
});
