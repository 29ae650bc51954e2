import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { signedInAs } from '@/testing/auth';
import { failedImport, interruptedImport, kjj, queuedImport, validatingImport } from '@/testing/data/dashboard';
import { page } from '@/testing/data/marketplace';
import { jsonResponse, mockApi, requestsTo } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

const exportFile = () => new File(['合同编号,合同名称\n2026X1,测试合同\n'], '技术合同登记导出-2026年10月.csv', { type: 'text/csv' });

function fileInput(): HTMLInputElement {
  const input = screen.getByTestId('import-upload').querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}

describe('deal imports', () => {
  it('uploads a registry export, follows its progress and shows the report row by row', async () => {
    let polls = 0;
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/deals/imports/': () => jsonResponse(page([])),
      'POST /api/deals/import/': () => jsonResponse(queuedImport, 202),
      'GET /api/deals/imports/7/': () => {
        polls += 1;
        return jsonResponse(polls === 1 ? validatingImport : failedImport);
      },
    });
    const { user, router } = renderApp('/dashboard/imports');
    expect(await screen.findByRole('heading', { level: 1, name: '合同导入' })).toBeInTheDocument();
    expect(await screen.findByText('还没有导入记录')).toBeInTheDocument();

    await user.upload(fileInput(), exportFile());
    await user.click(screen.getByRole('button', { name: /开始导入/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/imports/7'));
    const [upload] = requestsTo(spy, 'POST /api/deals/import/');
    // The file goes as the multipart part `file`, with the boundary the runtime chose. (jsdom's File
    // is not Node's, so its name and bytes do not survive into Node's Request: only the part is checked.)
    expect(upload!.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await upload!.formData()).has('file')).toBe(true);

    // While the worker validates, the page polls and shows how far it got.
    expect(await screen.findByTestId('import-progress-text')).toHaveTextContent('校验中：已校验 5000 / 12000 行');
    expect(screen.getByRole('progressbar', { name: '导入进度' })).toHaveAttribute('aria-valuenow', '41');

    // Then the verdict and every row's problem.
    expect(await screen.findByTestId('import-message')).toHaveTextContent('共有2处错误，未写入任何数据');
    expect(screen.getByRole('progressbar', { name: '导入进度' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('导入失败（未写入任何数据）：共 12000 行');
    const report = within(screen.getByTestId('import-report'));
    const rows = report.getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['2', '合同金额（元）', 'abc', '金额不是数字'],
      ['5', '卖方所在地区', '（空）', '无法从信用代码判断所在区县，请填写所在地区'],
    ]);
    // A finished import is not polled again.
    const calls = requestsTo(spy, 'GET /api/deals/imports/7/').length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(requestsTo(spy, 'GET /api/deals/imports/7/')).toHaveLength(calls);
  });

  it('offers no retry for a file with errors: the same file would fail the same way', async () => {
    mockApi({ ...signedInAs(kjj), 'GET /api/deals/imports/7/': () => jsonResponse(failedImport) });
    renderApp('/dashboard/imports/7');
    expect(await screen.findByTestId('import-message')).toHaveTextContent('共有2处错误');
    expect(screen.queryByTestId('import-retry')).not.toBeInTheDocument();
  });

  it('shows why an import failed for the system’s reasons and runs the same file again on 重新导入', async () => {
    let retried = 0;
    mockApi({
      ...signedInAs(kjj),
      'GET /api/deals/imports/8/': () =>
        jsonResponse(retried === 0 ? interruptedImport : { ...interruptedImport, status: 'succeeded', status_label: '导入成功', retryable: false, created_count: 12000, message: '新增12000份，补登记0份，0份与台账一致未变化' }),
      'POST /api/deals/imports/8/retry/': () => {
        retried += 1;
        return jsonResponse({ ...interruptedImport, status: 'pending', status_label: '排队中', retryable: false, message: '' }, 202);
      },
    });
    const { user } = renderApp('/dashboard/imports/8');
    const message = await screen.findByTestId('import-message');
    expect(message).toHaveTextContent('台账正被其他操作占用，等待超时，已自动重试3次仍未成功');
    expect(message).toHaveTextContent('这次失败不是文件内容的问题');
    expect(message).not.toHaveTextContent('内部错误');

    await user.click(within(message).getByRole('button', { name: /重新导入/ }));
    expect(retried).toBe(1);
    // Queued again, the page polls until the verdict.
    expect(await screen.findByText('新增12000份，补登记0份，0份与台账一致未变化')).toBeInTheDocument();
    expect(screen.queryByTestId('import-retry')).not.toBeInTheDocument();
  });

  it('shows the server’s message next to the file field', async () => {
    mockApi({
      ...signedInAs(kjj),
      'GET /api/deals/imports/': () => jsonResponse(page([failedImport])),
      'POST /api/deals/import/': () =>
        jsonResponse({ detail: '输入有误，请检查各字段。', code: 'invalid', fields: { file: ['文件扩展名是 .xlsx，但内容不是 Excel 工作簿'] } }, 400),
    });
    const { user } = renderApp('/dashboard/imports');
    expect(await screen.findByRole('heading', { level: 1, name: '合同导入' })).toBeInTheDocument();
    // Earlier imports link to their reports.
    expect(await screen.findByRole('link', { name: '技术合同登记导出-2026年10月.csv' })).toHaveAttribute('href', '/dashboard/imports/7');

    await user.click(screen.getByRole('button', { name: /开始导入/ }));
    expect(await screen.findByText('请选择登记导出文件')).toBeInTheDocument();

    await user.upload(fileInput(), exportFile());
    await user.click(screen.getByRole('button', { name: /开始导入/ }));
    const message = await screen.findByText('文件扩展名是 .xlsx，但内容不是 Excel 工作簿');
    // antd renders field errors inside the field's item, next to the input it belongs to.
    expect(message.closest('.ant-form-item')).toContainElement(fileInput());
    expect(screen.getByTestId('form-error')).toHaveTextContent('输入有误，请检查各字段。');
  });

  it('downloads the template with the signed-in user’s token', async () => {
    const createObjectURL = vi.fn(() => 'blob:template');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const spy = mockApi({
      ...signedInAs(kjj),
      'GET /api/deals/imports/': () => jsonResponse(page([])),
      'GET /api/deals/import-template/': () =>
        new Response('合同编号\n', { headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('技术合同导入模板')}.csv` } }),
    });
    const { user } = renderApp('/dashboard/imports');
    await user.click(await screen.findByRole('button', { name: /下载导入模板（CSV）/ }));
    expect(await screen.findByText('已下载 技术合同导入模板.csv')).toBeInTheDocument();
    const [request] = requestsTo(spy, 'GET /api/deals/import-template/');
    expect(new URL(request!.url).searchParams.get('file_format')).toBe('csv');
    expect(request!.headers.get('Authorization')).toBe('Token token-of-kjj');
  });
});
