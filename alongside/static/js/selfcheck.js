// A self-check form (selfchecks/self_check_form.html). Without this file every question is on
// one page and the form still works. With it: on a phone, one question per screen with Back
// and Next; everywhere, progress shown, and each answer kept on the server as it is given, so
// a dropped connection or a reload loses nothing (a failed save is tried again).
"use strict";

(function () {
  const form = document.querySelector("[data-self-check]");
  if (!form) {
    return;
  }
  const questions = Array.from(form.querySelectorAll("[data-question]"));
  const progress = form.querySelector("[data-progress]");
  const nav = form.querySelector("[data-nav]");
  const back = form.querySelector("[data-back]");
  const next = form.querySelector("[data-next]");
  const finish = form.querySelector("[data-finish]");
  const saved = form.querySelector("[data-saved]");
  const phone = window.matchMedia("(max-width: 47.99rem)");
  let current = 0;

  function answered(question) {
    return question.querySelector("input[type=radio]:checked") !== null;
  }

  function firstUnanswered() {
    const index = questions.findIndex((q) => !answered(q));
    return index === -1 ? questions.length - 1 : index;
  }

  function fill(template, n) {
    return template.replace("__n__", n).replace("__total__", questions.length);
  }

  function render() {
    const stepping = phone.matches && questions.length > 1;
    form.classList.toggle("stepping", stepping);
    nav.hidden = !stepping;
    questions.forEach((q, index) => {
      q.hidden = stepping && index !== current;
    });
    if (stepping) {
      back.disabled = current === 0;
      next.hidden = current === questions.length - 1;
      next.disabled = !answered(questions[current]);
      finish.hidden = current !== questions.length - 1;
      progress.textContent = fill(progress.dataset.template, current + 1);
    } else {
      finish.hidden = false;
      progress.textContent = fill(progress.dataset.answered, questions.filter(answered).length);
    }
    progress.hidden = false;
  }

  function go(index) {
    current = Math.max(0, Math.min(questions.length - 1, index));
    render();
    const legend = questions[current].querySelector("legend");
    legend.setAttribute("tabindex", "-1");
    legend.focus();
  }

  let pending = false;
  let saving = false;
  function save() {
    if (saving) {
      pending = true;
      return;
    }
    saving = true;
    pending = false;
    let retryIn = 0; // an answer given while the last one was saving goes at once
    fetch(form.dataset.draftUrl, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value },
      credentials: "same-origin",
      keepalive: true, // an answer given just before the tab closes still arrives
    })
      .then((response) => {
        if (response.status >= 500) {
          throw new Error(String(response.status));
        }
        saved.hidden = !response.ok;
      })
      .catch(() => {
        pending = true; // offline or the server hiccuped: try again in a moment
        retryIn = 2000;
      })
      .finally(() => {
        saving = false;
        if (pending && navigator.onLine !== false) {
          setTimeout(save, retryIn);
        }
      });
  }

  form.addEventListener("change", (event) => {
    if (event.target.matches("input[type=radio]")) {
      save();
      render();
    }
  });
  window.addEventListener("online", () => {
    if (pending) {
      save();
    }
  });
  back.addEventListener("click", () => go(current - 1));
  next.addEventListener("click", () => go(current + 1));
  phone.addEventListener("change", render);

  // Come back to where the person left off (a reload, a draft, or a question left out).
  current = firstUnanswered();
  render();
})();
