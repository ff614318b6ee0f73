import { z } from 'zod';

const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time like 09:00 (24:00: end of the day)');

/** Opening hours of one weekday (0 = Sunday … 6 = Saturday), in the site's time zone. */
export const BusinessDay = z.object({ day: z.number().int().min(0).max(6), open: hhmm, close: hhmm });

/** When agents are expected to answer. Disabled means always within hours. */
export const BusinessHours = z.object({
  enabled: z.boolean().default(false),
  timeZone: z
    .string()
    .max(60)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone like Europe/Paris')
    .default('UTC'),
  days: z
    .array(BusinessDay)
    .max(14)
    .default([1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' }))),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

/** Languages the widget speaks. */
export const Locale = z.enum(['en', 'es', 'fr', 'de', 'pt', 'zh']);
export type Locale = z.infer<typeof Locale>;

/** Everything about a site's widget an admin sets in the console (stored as the site's settings JSON). */
export const WidgetSettings = z.object({
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #4f46e5')
    .default('#4f46e5'),
  position: z.enum(['right', 'left']).default('right'),
  title: z.string().trim().max(60).default('Chat with us'),
  greeting: z.string().trim().max(300).default('Hi! How can we help?'),
  launcherText: z.string().trim().max(30).default(''),
  /** Ask for name and email before the first message. */
  preChat: z.enum(['off', 'optional', 'required']).default('off'),
  businessHours: BusinessHours.default(BusinessHours.parse({})),
  /** With nobody online or outside hours: take a message, or hide the button. */
  offline: z.enum(['message', 'hide']).default('message'),
  /** Identity verification of logged-in users (HMAC-SHA256 of the user id with the site's secret). */
  identity: z.enum(['off', 'optional', 'required']).default('off'),
  /** The widget's language; null follows the page, then the browser. */
  locale: Locale.nullable().default(null),
  /** How long an agent's reply may stay unread before it is emailed to the visitor (fractions allowed, 3 s at least). */
  unreadEmailMinutes: z
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(5),
  /** Idle time after which a conversation closes itself. */
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(24 * 60),
  /** Cloudflare Turnstile on new visitors' sessions (needs the deployment's keys: docs/widget.md, Turnstile). */
  turnstile: z.enum(['off', 'on']).default('off'),
});
export type WidgetSettings = z.infer<typeof WidgetSettings>;

/**
 * PATCH /api/sites/:id: any subset of the site's fields and settings. The settings
 * subset is checked after it is merged into what is stored (zod's partial() would
 * fill every missing setting with its default and so reset it).
 */
export const UpdateSiteBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    allowedOrigins: z
      .array(
        z
          .string()
          .regex(
            /^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/i,
            'an origin like https://example.com, https://*.example.com or *',
          ),
      )
      .max(50)
      .optional(),
    settings: z
      .record(z.string(), z.unknown())
      .refine((o) => Object.keys(o).every((k) => k in WidgetSettings.shape), 'unknown setting')
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

/** Whether anyone can answer now. */
export type Availability = { agentsOnline: boolean; withinHours: boolean };

/** What the widget's public settings endpoint returns. */
export type PublicWidgetConfig = {
  settings: Omit<WidgetSettings, 'idleTimeoutMinutes' | 'unreadEmailMinutes'>;
  availability: Availability;
  /** The deployment's Turnstile site key, only while the site's `turnstile` setting is on. */
  turnstileSiteKey?: string;
};

/** POST /api/widget/conversations: optional pre-chat details and an optional first message (offline mode). */
export const StartConversationBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    message: z.string().trim().min(1).max(4000).optional(),
    /** The same for every retry of one action (a lost answer, a double click): a retry gets the first answer. */
    clientKey: z.string().min(1).max(64).optional(),
  })
  .strict();

/** POST /api/widget/conversations/:id/rating: CSAT after a conversation is resolved, once. */
export const RatingBody = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});

/** Files visitors and agents may attach: images, PDF, plain text; at most 10 MB. */
export const ATTACHMENTS = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'] as const,
};
export type UpdateSiteBody = z.infer<typeof UpdateSiteBody>;
export type StartConversationBody = z.infer<typeof StartConversationBody>;
export type RatingBody = z.infer<typeof RatingBody>;

/** POST /api/widget/conversations/:id/transcript: to the visitor's email, or to this one (then remembered). */
export const TranscriptBody = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()).optional() });
