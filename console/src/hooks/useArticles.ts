// Articles matching a search, fetched from the server a moment after the agent stops typing.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../../protocol';
import type { ApiError } from '../api';
import { articleApi, type ArticleFilter } from '../api-tools';

const DEBOUNCE_MS = 200;

/** The articles for `filter` (null while the first answer is on its way), an error, and a reload. */
export function useArticles(filter: ArticleFilter) {
  const [articles, setArticles] = useState<Article[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Answers can arrive out of order: only the latest request may set the list.
  const latest = useRef(0);
  const key = JSON.stringify(filter);

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const result = await articleApi.list(JSON.parse(key) as ArticleFilter);
      if (request !== latest.current) return;
      setArticles(result.articles);
      setError(null);
    } catch (e) {
      if (request === latest.current) setError((e as ApiError).message);
    }
  }, [key]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [load]);

  return { articles, error, reload: load };
}
