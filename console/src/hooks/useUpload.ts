// Agent attachments for one conversation: checks the limits first, uploads one file at a time with
// progress, and hands the stored message over at once (its broadcast copy is merged by seq anyway).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Message } from '../../../protocol';
import type { ApiError } from '../api';
import { uploadFile, type Upload } from '../api-files';
import { fileError } from '../state/files';

/** The file on the wire and how far it got (0..1). */
export type UploadProgress = { name: string; fraction: number };

/** Upload state and actions. */
export type UploadValue = {
  progress: UploadProgress | null;
  error: string | null;
  attach: (files: File[]) => void;
  cancel: () => void;
  clearError: () => void;
};

/** One hook per conversation view (mounted with key={id}). */
export function useUpload(conversationId: string, onStored: (message: Message) => void): UploadValue {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<Upload | null>(null);
  const queue = useRef<File[]>([]);
  const onStoredRef = useRef(onStored);
  onStoredRef.current = onStored;

  const next = useCallback(async () => {
    if (current.current) return;
    const file = queue.current.shift();
    if (!file) return;
    setProgress({ name: file.name, fraction: 0 });
    const upload = uploadFile(conversationId, file, (fraction) => setProgress({ name: file.name, fraction }));
    current.current = upload;
    try {
      onStoredRef.current((await upload.done).message);
    } catch (e) {
      if ((e as ApiError).code !== 'aborted') setError((e as ApiError).message);
    } finally {
      current.current = null;
      setProgress(null);
      void next();
    }
  }, [conversationId]);

  const attach = useCallback(
    (files: File[]) => {
      // Refuse what the server would refuse before spending the upload; the valid ones still go.
      const problems = files.map(fileError).filter((m): m is string => m !== null);
      setError(problems.length ? problems.join(' ') : null);
      queue.current.push(...files.filter((f) => fileError(f) === null));
      void next();
    },
    [next],
  );

  const cancel = useCallback(() => {
    queue.current = [];
    current.current?.abort();
  }, []);

  // Leaving the conversation stops its uploads.
  useEffect(
    () => () => {
      queue.current = [];
      current.current?.abort();
    },
    [],
  );

  return { progress, error, attach, cancel, clearError: useCallback(() => setError(null), []) };
}
