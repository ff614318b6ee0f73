import { describe, expect, it } from 'vitest';
import { ATTACHMENTS as WORKER_ATTACHMENTS } from '../../../protocol/settings';
import { ATTACHMENTS, attachmentUrl, fileError, formatBytes, isImage, uploadErrorMessage } from './files';

describe('attachment checks', () => {
  it('mirrors the worker limits', () => {
    expect(ATTACHMENTS).toEqual({ maxBytes: WORKER_ATTACHMENTS.maxBytes, types: [...WORKER_ATTACHMENTS.types] });
  });
  it('accepts allowed types up to 10 MB', () => {
    expect(fileError({ name: 'a.png', size: 1000, type: 'image/png' })).toBeNull();
    expect(fileError({ name: 'a.pdf', size: 10 * 1024 * 1024, type: 'application/pdf' })).toBeNull();
  });
  it('refuses large, empty and unsupported files with a clear message', () => {
    expect(fileError({ name: 'big.png', size: 10 * 1024 * 1024 + 1, type: 'image/png' })).toContain('at most 10 MB');
    expect(fileError({ name: 'x.exe', size: 10, type: 'application/x-msdownload' })).toContain('cannot be sent');
    expect(fileError({ name: 'x.svg', size: 10, type: 'image/svg+xml' })).toContain('cannot be sent');
    expect(fileError({ name: 'e.txt', size: 0, type: 'text/plain' })).toContain('empty');
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
  it('renders only allowed image types inline', () => {
    expect(isImage('image/webp')).toBe(true);
    expect(isImage('image/svg+xml')).toBe(false);
    expect(isImage('application/pdf')).toBe(false);
  });
  it('names the server refusals', () => {
    expect(uploadErrorMessage(413, 'too_large', 'x')).toContain('too large');
    expect(uploadErrorMessage(415, 'unsupported_type', 'x')).toContain('cannot be sent');
    expect(uploadErrorMessage(500, 'internal', 'fallback')).toBe('fallback');
  });
});

describe('attachmentUrl', () => {
  it('resolves API paths against the API origin', () => {
    expect(attachmentUrl('/api/files/f1', 'http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/api/files/f1');
  });
  it('refuses other origins, schemes and non-API paths, so the token stays home', () => {
    expect(attachmentUrl('https://evil.example/api/x', 'http://127.0.0.1:8787')).toBeNull();
    expect(attachmentUrl('//evil.example/api/x', 'http://127.0.0.1:8787')).toBeNull();
    expect(attachmentUrl('javascript:alert(1)', 'http://127.0.0.1:8787')).toBeNull();
    expect(attachmentUrl('/login', 'http://127.0.0.1:8787')).toBeNull();
  });
});
