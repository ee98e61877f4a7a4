{% load static %}// Alongside's service worker (served from /sw.js so that it covers the whole site).
// It shows the messages pushed to this device, and when there is no connection it shows the
// help page, with the lines to call, instead of the browser's error page.
"use strict";

const CACHE = "alongside-{{ version }}";
const HELP_URL = "{% url 'help' %}";
const PRECACHE = [HELP_URL{% for url in precache %}, "{{ url|escapejs }}"{% endfor %}];
const ICON = "{% static 'img/icon-192.png' %}";
const BADGE = "{% static 'img/badge-96.png' %}";
const RENEW_URL = "{% url 'notifications:device-renew' %}";
const SERVER_KEY = "{{ application_server_key }}";  // base64url: letters, digits, - and _

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("alongside-") && key !== CACHE)
          .map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

// Everything comes from the network; only when that fails do the saved help page (for any
// page) and its style and script stand in. Each visit to the help page refreshes the saved
// copy, so it shows the organisation's own lines.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const path = new URL(request.url).pathname;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && path === HELP_URL) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(HELP_URL, copy));
          }
          return response;
        })
        .catch(() => caches.match(HELP_URL).then(offlineHelp))
    );
  } else if (PRECACHE.includes(path)) {
    event.respondWith(
      fetch(request).catch(() => caches.match(path).then((saved) => saved || Response.error()))
    );
  }
});

// The saved help page, with its "You're offline" line shown.
function offlineHelp(saved) {
  if (!saved) {
    return Response.error();
  }
  return saved.text().then((html) => new Response(
    html.replace("data-offline-note hidden", "data-offline-note"),
    { status: 200, headers: saved.headers }
  ));
}

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = {};
  }
  event.waitUntil(
    self.registration.showNotification(message.title || "Alongside", {
      body: message.body || "",
      icon: ICON,
      badge: BADGE,
      tag: message.tag || undefined,
      // A new message buzzes even when it replaces an earlier one; "taken" replaces quietly.
      renotify: Boolean(message.tag) && !message.quiet,
      silent: Boolean(message.quiet),
      requireInteraction: Boolean(message.urgent),
      data: { url: message.url || "/" },
    })
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  let target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  if (target.origin !== self.location.origin) {
    target = new URL("/", self.location.origin);  // only ever open our own pages
  }
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === target.href && "focus" in client) {
          return client.focus();
        }
      }
      return self.clients.openWindow(target.href);
    })
  );
});

// The browser replaced this device's subscription (it expired, or the push service rotated
// it): subscribe again if it has not, and move the device on the server to the new one, so
// that pages keep reaching this phone without the supporter doing anything.
self.addEventListener("pushsubscriptionchange", (event) => {
  const old = event.oldSubscription;
  if (!old || !SERVER_KEY) {
    return;  // without the old one the server cannot tell which device this is
  }
  event.waitUntil(
    (event.newSubscription
      ? Promise.resolve(event.newSubscription)
      : self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: SERVER_KEY })
    ).then((next) => fetch(RENEW_URL, {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ old_endpoint: old.endpoint, subscription: next.toJSON() }),
    }))
  );
});
