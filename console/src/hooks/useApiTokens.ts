// The workspace's API tokens for their page: loaded on mount, reloaded after each change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiToken, CreateApiTokenBody } from '../../../protocol';
import type { ApiError } from '../api';
import { tokenApi } from '../api-tokens';

/** The tokens (null until the first answer), the last error, create (the secret, or null on failure) and revoke. */
export function useApiTokens() {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    try {
      setTokens((await tokenApi.list()).tokens);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  async function create(body: CreateApiTokenBody): Promise<string | null> {
    setError(null);
    try {
      const { secret } = await tokenApi.create(body);
      await reload();
      return secret;
    } catch (e) {
      setError(e as ApiError);
      return null;
    }
  }
  async function revoke(id: string) {
    setError(null);
    try {
      await tokenApi.revoke(id);
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  }
  return { tokens, error, forbidden: error?.status === 403, create, revoke };
}
