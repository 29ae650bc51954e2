import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { separatorSearch } from '@/testing/data/matching';
import { jsonResponse, mockApi } from '@/testing/mock-fetch';
import { renderPart } from '@/testing/render-app';

import { useSearch } from '../../api/search-postings';
import { useSearchState } from '../../hooks/use-search-state';
import { SearchBox } from '../search-box';
import { queryTerms, SearchResults } from '../search-results';

function Results() {
  const search = useSearchState();
  return <SearchResults search={search} result={useSearch(search.query)} />;
}

describe('the search page, part by part', () => {
  it('searches the typed text on Enter, and everything again when the box is cleared', () => {
    const onSearch = vi.fn();
    renderPart(<SearchBox q="隔膜" onSearch={onSearch} />);
    const box = within(screen.getByRole('search')).getByLabelText('搜索关键词');
    expect(box).toHaveValue('隔膜');
    fireEvent.change(box, { target: { value: '快充' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(onSearch).toHaveBeenLastCalledWith('快充');
    fireEvent.change(box, { target: { value: '' } });
    expect(onSearch).toHaveBeenLastCalledWith('');
  });

  it('splits the query into the words to mark', () => {
    expect(queryTerms('陶瓷 隔膜，快充')).toEqual(['陶瓷', '隔膜', '快充']);
  });

  it('shows each hit as a card', async () => {
    mockApi({ 'GET /api/search/': () => jsonResponse(separatorSearch) });
    renderPart(<Results />, '/search?q=隔膜');
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(2);
  });

  it('offers to clear the filters when they leave nothing', async () => {
    mockApi({ 'GET /api/search/': () => jsonResponse({ ...separatorSearch, count: 0, results: [] }) });
    renderPart(<Results />, '/search?q=隔膜&kind=need');
    expect(await screen.findByText('没有找到与「隔膜」相关的内容')).toBeInTheDocument();
    expect(screen.getByText('清除筛选（1）')).toBeInTheDocument();
  });
});
