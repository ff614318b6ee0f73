// The bottom of the panel in chat mode: upload progress, then the composer with its paperclip and emoji picker.
import { BODY_MAX } from '../limits';
import type { Actions, View } from '../chat';
import { ATTACHMENTS } from '../files';
import { t } from '../i18n';
import { Composer } from './Composer';
import { onPicker, onText, withEmoji } from './emoji';
import { Icon } from './Header';

/** Composer, attach button and hidden file input, progress bar while uploading. */
export function ChatBox({ v, a }: { v: View; a: Actions }) {
  let input: HTMLInputElement | null = null;
  const attach = (
    <>
      <button
        type="button"
        class="at"
        data-parley="attach"
        aria-label={t.attach}
        title={t.attach}
        disabled={!!v.upload}
        onClick={() => input?.click()}
      >
        <Icon
          d="m21 11-8.6 8.6a5 5 0 0 1-7-7l8.5-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.3-2.4l7.9-7.9"
          w="2"
        />
      </button>
      <button type="button" class="at" data-parley="emoji" aria-label="Emoji" title="Emoji" onClick={onPicker}>
        🙂
      </button>
      <input
        ref={(el) => {
          input = el;
        }}
        type="file"
        hidden
        tabIndex={-1}
        accept={ATTACHMENTS.types.join(',')}
        data-parley="file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void a.upload(f);
        }}
      />
    </>
  );
  return (
    <>
      {v.upload && (
        <div class="up">
          <span>
            {t.uploading} {v.upload.name}
          </span>
          <progress
            data-parley="upload-progress"
            max={100}
            value={v.upload.pct}
            aria-label={t.uploading + ' ' + v.upload.name}
          />
        </div>
      )}
      {v.editing && (
        <div class="up" data-parley="editing">
          {t.editing}
          <button type="button" class="rt" onClick={() => a.edit()}>
            {t.cancel}
          </button>
        </div>
      )}
      <Composer
        key={v.editing?.id}
        initial={v.editing?.body}
        before={attach}
        placeholder={t.placeholder}
        sendLabel={t.send}
        maxLength={BODY_MAX}
        onSend={(body) => a.send(withEmoji(body))}
        onChange={onText}
        onTyping={a.typing}
        inputProps={{ 'data-parley': 'input' }}
        sendProps={{ 'data-parley': 'send' }}
      />
    </>
  );
}
