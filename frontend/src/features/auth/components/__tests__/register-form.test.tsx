import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { tianneng, tiannengOrg } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsMade } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

/** The antd form item (label, control, messages) that holds the control with this label. */
function fieldOf(label: string | RegExp) {
  const item = screen.getByLabelText(label).closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error(`no form item for ${String(label)}`);
  return item;
}

/** Fills a field at once, as a paste does: typing speed is not what these tests are about. */
function paste(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillUser() {
  paste('用户名', 'zhang.wei');
  paste('密码', 'Huzhou-2027-keji');
  paste('确认密码', 'Huzhou-2027-keji');
}

/** The user and a new organisation, the district chosen (there is no default). */
async function fillNewOrganisation(user: ReturnType<typeof renderApp>['user'], uscc: string) {
  fillUser();
  paste('机构名称', '湖州南太湖新材料研究院');
  paste('统一社会信用代码', uscc);
  await user.click(screen.getByLabelText('所在地区'));
  await user.click(await screen.findByTitle('吴兴区'));
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
    await fillNewOrganisation(user, '91330100799655058C');
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

  it('sends the organisation, signs in with the token it gets back, and explains verification before going on', async () => {
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
    await fillNewOrganisation(user, '91330100799655058b');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/verification'));
    expect(router.state.location.search).toBe('?next=%2Fchallenges');
    expect(await screen.findByRole('heading', { name: '机构认证' })).toBeInTheDocument();
    expect(screen.getByText('平台运营方（湖州科技大市场运营中心）。机构自己、其他用户和科技局都不能认证机构。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^继\s*续$/ })).toHaveAttribute('href', '/challenges');
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
    await fillNewOrganisation(user, '91330100799655058B');
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

    await user.click(screen.getByRole('radio', { name: '暂不加入机构' }));
    expect(screen.queryByLabelText('统一社会信用代码')).not.toBeInTheDocument();
    paste('用户名', 'li.na');
    paste('密码', 'Taihu-lake-2027');
    paste('确认密码', 'Taihu-lake-2027');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));
    await waitFor(() => expect(body).toEqual({ username: 'li.na', password: 'Taihu-lake-2027', email: '' }));
  });

  it('does not choose a district for the user, and says so plainly when none is chosen', async () => {
    const spy = mockApi({});
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    fillUser();
    paste('机构名称', '湖州南太湖新材料研究院');
    paste('统一社会信用代码', '91330100799655058B');
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    expect(await within(fieldOf('所在地区')).findByText('请选择机构所在地区')).toBeInTheDocument();
    expect(requestsMade(spy)).not.toContain('POST /api/auth/register/');
  });

  it('counts pasted text and refuses more than the server keeps, naming the limit', async () => {
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    paste('机构名称', '湖州'.repeat(61));

    expect(screen.getByLabelText('机构名称')).toHaveValue('湖州'.repeat(61)); // kept whole, not cut at 120
    expect(within(fieldOf('机构名称')).getByText('122 / 120')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));
    expect(await within(fieldOf('机构名称')).findByText('最多 120 个字，请删减后再提交')).toBeInTheDocument();
  });
});

describe('registration asking to join an organisation', () => {
  it('finds the organisation by name, asks to join it, and shows the request waiting for its admin', async () => {
    let body: unknown;
    const found = { ...tiannengOrg, id: 7, name: '长兴天能电池材料有限公司', uscc: '91330522MA28C0N81X' };
    const joiner = { ...tianneng, username: 'li.na', organisation: null, org_role: 'member' as const };
    const request = {
      id: 3,
      username: 'li.na',
      email: '',
      organisation: { id: 7, name: found.name, kind: 'enterprise', region: 'changxing', verification: 'verified' },
      message: '研发部李娜',
      status: 'pending',
      status_label: '待审核',
      created_at: '2027-03-01T09:00:00+08:00',
      decided_by: null,
      decided_at: null,
      decision_note: '',
    };
    mockApi({
      'GET /api/organisations/': (req) =>
        jsonResponse({ count: 1, next: null, previous: null, results: new URL(req.url).searchParams.get('q') === '天能' ? [found] : [] }),
      'POST /api/auth/register/': async (req) => {
        body = await req.json();
        return jsonResponse({ user: joiner, token: 'new-token' }, 201);
      },
      'GET /api/membership-requests/': () => jsonResponse({ count: 1, next: null, previous: null, results: [request] }),
      'GET /api/notifications/unread-count/': () => jsonResponse({ unread: 0 }),
    });
    const { user, router } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    await user.click(screen.getByRole('radio', { name: '加入已登记的机构' }));
    expect(screen.queryByLabelText('统一社会信用代码')).not.toBeInTheDocument();
    fillUser();
    paste('要加入的机构', '天能');
    await user.click(await screen.findByTitle('长兴天能电池材料有限公司（91330522MA28C0N81X）'));
    paste('给管理员的说明（选填）', ' 研发部李娜 ');
    expect(within(fieldOf('给管理员的说明（选填）')).getByText('7 / 300')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/organisation/members'));
    expect(body).toEqual({ username: 'zhang.wei', password: 'Huzhou-2027-keji', email: '', join_organisation: 7, join_message: '研发部李娜' });
    const item = await screen.findByTestId('membership-request');
    expect(item).toHaveTextContent('长兴天能电池材料有限公司');
    expect(item).toHaveTextContent('待管理员处理');
  });

  it('asks for the organisation to join when none is chosen', async () => {
    const spy = mockApi({});
    const { user } = renderApp('/register');
    await screen.findByRole('form', { name: '注册' }); // the page loads lazily
    await user.click(screen.getByRole('radio', { name: '加入已登记的机构' }));
    fillUser();
    await user.click(screen.getByRole('button', { name: /^注\s*册$/ }));

    expect(await screen.findByText('请搜索并选择要加入的机构')).toBeInTheDocument();
    expect(requestsMade(spy)).not.toContain('POST /api/auth/register/');
  });
});
