// The pause (losses/pause.html): counts the seconds down beside the breathing circle. The
// page works without it: the circle and the bar are CSS, and "Done" is always there.
"use strict";

(function () {
  const pause = document.querySelector("[data-pause]");
  if (!pause) {
    return;
  }
  const remaining = pause.querySelector("[data-remaining]");
  let left = Number(pause.dataset.seconds) || 30;
  remaining.hidden = false;
  function show() {
    remaining.textContent = remaining.dataset.template.replace("__n__", left);
  }
  show();
  const timer = setInterval(() => {
    left -= 1;
    show();
    if (left <= 0) {
      clearInterval(timer);
      pause.classList.add("pause-finished");
    }
  }, 1000);
})();
