// Whether this server lets anyone create a workspace (GET /api/auth/config).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { SignupMode } from '../../../protocol';

/** The server's sign-up mode; null while loading. If it cannot be read, `open`: the server still refuses. */
export function useSignupMode(): SignupMode | null {
  const [mode, setMode] = useState<SignupMode | null>(null);
  useEffect(() => {
    let live = true;
    api.authConfig().then(
      (c) => live && setMode(c.signup),
      () => live && setMode('open'),
    );
    return () => {
      live = false;
    };
  }, []);
  return mode;
}
