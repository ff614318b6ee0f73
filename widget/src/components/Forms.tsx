// The pre-chat form (name, email), the offline "leave a message" form, the transcript request and the continuation
// link; validated here and by the server.
// One generic form: each field's key names its label (t.name...), its body property and, after the form's id, its
// name and data-parley ('prechat-email', 'offline-message').
// An on-demand chunk (dist/widget-forms.js, docs/widget.md): loaded by the panel when one of them shows. It imports
// nothing of the app at run time: Preact's h, useState and the strings come from the app (as for help/Help.tsx).
import type { h as H, JSX } from 'preact';
import type { useState as UseState } from 'preact/hooks';
import type { StartBody } from '../api';
import type { Actions } from '../chat';
import { validEmail } from '../files';
import type { Strings } from '../strings';

/** What the chunk borrows from the app. */
export type Kit = { h: typeof H; useState: typeof UseState; t: Strings };

/** Builds the forms with the app's Preact. */
// biome-ignore lint/correctness/noUnusedFunctionParameters: the chunk's build compiles JSX to calls of this h
export function forms({ h, useState, t }: Kit) {
  /** Required or optional, and whether it must hold an email. */
  type Rule = 'req' | 'opt' | 'email' | 'email?';
  type Key = 'name' | 'email' | 'message';

  /** A labelled input (or the message's textarea) with its error message tied by aria-describedby. */
  function Field({ id, k, rule, error }: { id: string; k: Key; rule: Rule; error?: string }) {
    const Tag = k == 'message' ? 'textarea' : 'input';
    const required = rule == 'req' || rule == 'email';
    return (
      // biome-ignore lint/a11y/noLabelWithoutControl: the control is <Tag> below (a textarea or an input)
      <label class="fd">
        <span>
          {t[k]} {!required && <small>{t.optional}</small>}
        </span>
        <Tag
          name={id}
          data-parley={id}
          type={k == 'email' ? k : undefined}
          rows={Tag == 'textarea' ? 3 : undefined}
          autoComplete={Tag == 'input' ? k : undefined}
          aria-required={required || undefined}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? id + '-err' : undefined}
        />
        {error && (
          <em id={id + '-err'} class="er">
            {error}
          </em>
        )}
      </label>
    );
  }

  /** What a form does with its fields once valid (empty ones left out); a falsy result re-enables it. */
  type Send = (body: StartBody) => Promise<unknown>;

  /** Validates the fields, focuses the first bad one, else sends them (by default: starts the conversation with them). */
  function Form(p: {
    a: Actions;
    id: string;
    parley: string;
    intro?: string;
    submit: string;
    rules: Partial<Record<Key, Rule>>;
    send?: Send;
    btn?: string;
  }) {
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [busy, setBusy] = useState(false);
    const onSubmit = async (e: JSX.TargetedEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const body: Record<string, string | undefined> = {};
      const errs: Record<string, string> = {};
      for (const [k, rule] of Object.entries(p.rules)) {
        const id = p.id + '-' + k;
        const v = (body[k] = (form.elements.namedItem(id) as HTMLInputElement).value.trim() || undefined);
        if (!v && (rule == 'req' || rule == 'email')) errs[id] = t.needed;
        else if (v && rule[0] == 'e' && !validEmail(v)) errs[id] = t.badEmail;
      }
      setErrors(errs);
      const bad = Object.keys(errs)[0];
      if (bad) return form.querySelector<HTMLElement>(`[name="${bad}"]`)?.focus();
      setBusy(true);
      if (!(await (p.send || p.a.begin)(body))) setBusy(false);
    };
    return (
      <form class="fm" data-parley={p.parley} noValidate onSubmit={onSubmit}>
        {p.intro && <p>{p.intro}</p>}
        {Object.entries(p.rules).map(([k, rule]) => (
          <Field key={k} id={p.id + '-' + k} k={k as Key} rule={rule} error={errors[p.id + '-' + k]} />
        ))}
        <button type="submit" class="pr" data-parley={p.btn || p.id + '-submit'} disabled={busy}>
          {p.submit}
        </button>
      </form>
    );
  }

  /** Name and email before the first message (required or optional per settings). */
  const PreChat = ({ a, required }: { a: Actions; required: boolean }) => (
    <Form
      a={a}
      id="prechat"
      parley="prechat"
      intro={t.prechat}
      submit={t.start}
      rules={required ? { name: 'req', email: 'email' } : { name: 'opt', email: 'email?' }}
    />
  );

  /** With nobody to answer: name (optional), email and message (required); creates a waiting conversation. */
  const OfflineForm = ({ a }: { a: Actions }) => (
    <Form
      a={a}
      id="offline"
      parley="offline-form"
      intro={t.away}
      submit={t.leave}
      rules={{ name: 'opt', email: 'email', message: 'req' }}
    />
  );

  /** "Continue on another device": emails the visitor a continuation link; then "Sent to …". */
  function LinkMe({ a }: { a: Actions }) {
    const [to, setTo] = useState<string | false>(false);
    return to ? (
      <p class="ok" role="status" data-parley="link-sent">
        {t.sentTo(to)}
      </p>
    ) : (
      <button type="button" class="ol" data-parley="link-me" onClick={() => a.link().then(setTo)}>
        {t.linkMe}
      </button>
    );
  }

  /** "Email me the transcript" under a resolved conversation, with an email field when the visitor has given none; then "Sent to …". */
  function Transcript({ a, known }: { a: Actions; known: boolean }) {
    const [to, setTo] = useState<unknown>();
    if (to)
      return (
        <p class="ok" role="status" data-parley="transcript-sent">
          {t.sentTo(to as string)}
        </p>
      );
    const send: Send = (b) => a.transcript(b.email).then((r) => (setTo(r), r));
    return (
      <Form
        a={a}
        id="transcript"
        parley="transcript-form"
        btn="transcript"
        submit={t.transcript}
        rules={known ? {} : { email: 'email' }}
        send={send}
      />
    );
  }
  return { PreChat, OfflineForm, LinkMe, Transcript };
}
