// The centered card that frames login, register and first-site screens.
import type { ComponentChildren } from 'preact';
import { strings } from '../strings';

/** Brand mark + title + content. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ComponentChildren;
}) {
  return (
    <main class="auth">
      <div class="auth-card">
        <div class="brand brand-large">
          <Logo />
          <span>{strings.appName}</span>
        </div>
        <h1 class="auth-title">{title}</h1>
        {subtitle && <p class="auth-subtitle">{subtitle}</p>}
        {children}
      </div>
    </main>
  );
}

/** The speech-bubble logo. */
export function Logo() {
  return (
    <svg class="logo" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 10h16v9H14l-5 4v-4H8z" fill="#fff" />
    </svg>
  );
}
