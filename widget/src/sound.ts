// A tiny WebAudio "ding" for agent replies: no audio file to download.

let ctx: AudioContext | undefined;
let last = 0;

/** Plays a short two-tone beep (at most one per 1.5 s, so a burst of replies is one ding); silent until audio is allowed. */
export function beep(): void {
  const now = Date.now();
  if (now - last < 1500) return;
  last = now;
  try {
    // Every supported (ES2022) browser has the unprefixed AudioContext; a suspended one plays once the page had a gesture.
    ctx ||= new AudioContext();
    if (ctx.state == 'suspended') ctx.resume();
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(880, t);
    osc.frequency.setValueAtTime(1175, t + 0.09);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.12, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.32);
  } catch {
    /* audio unavailable: the widget stays silent */
  }
}
