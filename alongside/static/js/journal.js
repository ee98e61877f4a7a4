// The journal editor (journal/entry_form.html): saves as the person types, and when the tab
// is hidden or closed. Until the server says "saved", the words are also kept in this
// browser (localStorage), so a dropped connection, a closed tab or an expired session loses
// nothing; they are removed from the browser as soon as the server has them.
"use strict";

(function () {
  const form = document.querySelector("[data-journal]");
  if (!form) {
    return;
  }
  const status = form.querySelector("[data-status]");
  const body = form.querySelector("[name=body]");
  const tags = form.querySelector("[name=tags]");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  let url = form.dataset.autosaveUrl;
  let key = "alongside-journal:" + form.dataset.entry;
  let timer = null;
  let saving = false;
  let again = false;

  function values() {
    const prompt = form.querySelector("[name=prompt]:checked");
    return { body: body.value, tags: tags.value, prompt: prompt ? prompt.value : "" };
  }

  function same(a, b) {
    return a.body === b.body && a.tags === b.tags && a.prompt === b.prompt;
  }

  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify(values()));
    } catch (error) {
      // Storage full or refused: the server save is still tried.
    }
  }

  function forget(stored) {
    try {
      const now = localStorage.getItem(key);
      if (now !== null && same(JSON.parse(now), stored)) {
        localStorage.removeItem(key);
      }
    } catch (error) {
      // Nothing kept to forget.
    }
  }

  function say(text) {
    status.textContent = text;
  }

  function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    again = false;
    const sent = values();
    fetch(url, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRFToken": csrf, Accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual",
    })
      .then((response) => {
        if (response.type === "opaqueredirect" || response.status === 403) {
          say(form.dataset.signedOut);
          return null;
        }
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then((saved) => {
        if (!saved) {
          return;
        }
        if (form.dataset.entry === "new") {
          forget(sent);
          form.dataset.entry = saved.code;
          key = "alongside-journal:" + saved.code;
          url = saved.autosave_url;
          form.dataset.autosaveUrl = url;
          form.action = saved.edit_url;
          history.replaceState(null, "", saved.edit_url);
          if (!same(values(), sent)) {
            keep();
          }
        } else {
          forget(sent);
        }
        say(form.dataset.savedTemplate.replace("__time__", saved.saved_at));
        // Crisis lines and an offer to talk, on this screen, when the words sound like acute
        // risk; a gentler line for distress. Nothing is reported to anyone.
        document.querySelector("[data-risk]").hidden = saved.risk !== "acute_risk";
        form.querySelector("[data-distress]").hidden = saved.risk !== "distress";
      })
      .catch(() => {
        say(form.dataset.offline);
      })
      .finally(() => {
        saving = false;
        if (again) {
          save();
        }
      });
  }

  function changed() {
    keep();
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", () => {
    if (localStorage.getItem(key) !== null) {
      save();
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && localStorage.getItem(key) !== null) {
      const data = new FormData(form);
      navigator.sendBeacon(url, data);
    }
  });

  // Words kept in this browser that the server never confirmed: bring them back.
  try {
    const stored = localStorage.getItem(key);
    if (stored !== null) {
      const kept = JSON.parse(stored);
      if (same(kept, values())) {
        localStorage.removeItem(key);
      } else if (kept.body || kept.tags) {
        body.value = kept.body;
        tags.value = kept.tags;
        const prompt = form.querySelector(`[name=prompt][value="${CSS.escape(kept.prompt)}"]`);
        if (prompt) {
          prompt.checked = true;
        }
        say(form.dataset.restored);
        save();
      }
    }
  } catch (error) {
    // Unreadable storage: start from what the server has.
  }
})();
