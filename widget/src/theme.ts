// Colour maths for theming from the admin's accent colour: WCAG luminance and contrast.

const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1, 7), 16) || 0;
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours (1..21). */
export function contrast(a: string, b: string): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * Text colour for the accent background: white or black, whichever contrasts more (one of them always reaches 4.5:1).
 * White wins when 1.05 / (L + .05) >= (L + .05) / .05, i.e. L <= sqrt(.0525) - .05: no contrast() in the loader.
 */
export const textOn = (hex: string): string => (luminance(hex) <= 0.17912878 ? '#ffffff' : '#000000');
