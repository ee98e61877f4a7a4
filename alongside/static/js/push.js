// "Alerts on this device" (notifications/channel_list.html): asks the browser for permission,
// subscribes to Web Push with the server's key, and sends the subscription to the server.
// Every message it can show is in the page, translated; this file only picks which.
"use strict";

(function () {
  const panel = document.querySelector("[data-push]");
  if (!panel) {
    return;
  }
  const button = panel.querySelector("[data-push-button]");

  function show(state, text) {
    for (const message of panel.querySelectorAll("[data-push-state]")) {
      message.hidden = message.dataset.pushState !== state;
      if (text && message.dataset.pushState === state) {
        message.textContent = text;
      }
    }
  }

  function keyBytes(base64url) {
    const padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    show("unsupported");
    return;
  }
  if (Notification.permission === "denied") {
    show("blocked");
    return;
  }
  button.hidden = false;
  show("ready");

  button.addEventListener("click", async () => {
    button.disabled = true;
    show("working");
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        show("blocked");
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      let subscription = await registration.pushManager.getSubscription();
      if (!subscription) {
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(panel.dataset.key),
        });
      }
      const response = await fetch(panel.dataset.url, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "X-CSRFToken": panel.querySelector("[name=csrfmiddlewaretoken]").value,
        },
        body: JSON.stringify(subscription.toJSON()),
      });
      if (response.ok) {
        window.location.reload();
        return;
      }
      const answer = await response.json().catch(() => ({}));
      show("failed", answer.error);
    } catch (error) {
      show("failed");
    } finally {
      button.disabled = false;
    }
  });
})();
