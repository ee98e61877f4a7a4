// Alongside's own script, on every page: installs the service worker, which shows pushed
// messages and, when the connection drops, the help page with the lines to call.
"use strict";

if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without it the site still works; only alerts and the offline help page are missing.
    });
  });
}
