import { Pagination } from 'antd';

import { PAGE_SIZE } from '@/hooks/use-list-params';
import { useI18n } from '@/i18n/i18n';

export function ListPagination({ page, total, onChange }: { page: number; total: number; onChange: (page: number) => void }) {
  const { t } = useI18n();
  if (total <= PAGE_SIZE) return null;
  return (
    <nav aria-label={t('common.pagination')} style={{ display: 'flex', justifyContent: 'center', marginTop: 16 }}>
      <Pagination
        current={page}
        pageSize={PAGE_SIZE}
        total={total}
        showSizeChanger={false}
        showLessItems
        onChange={(next) => {
          onChange(next);
          window.scrollTo({ top: 0 });
        }}
      />
    </nav>
  );
}
