// Loaded as a blocking script in <head>, before first paint. The server already renders an
// explicit light/dark choice from the th_theme cookie; only "system" (or no choice yet) depends
// on the device, which the server cannot see. Kept as a file so the CSP needs no inline hash.
(() => {
  try {
    const match = document.cookie.match(/(?:^|;\s*)th_theme=(light|dark|system)(?:;|$)/);
    const preference = match ? match[1] : 'system';
    const dark =
      preference === 'dark' ||
      (preference === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch {
    // Private modes can throw on cookie access; the light theme is a fine fallback.
  }
})();
