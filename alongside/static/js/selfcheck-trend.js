// The trend chart on a self-check's history page (selfchecks/self_check_history.html), drawn
// by Chart.js from the figures the page carries; the table below it holds the same figures.
"use strict";

(function () {
  const data = document.getElementById("trend-data");
  const canvas = document.getElementById("trend-chart");
  if (!data || !canvas || typeof window.Chart === "undefined") {
    return;
  }
  const chart = JSON.parse(data.textContent);
  const colours = ["#2f5d62", "#b5542d", "#6b5b95"];
  new window.Chart(canvas, {
    type: "line",
    data: {
      labels: chart.labels,
      datasets: chart.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        pointRadius: 4,
        tension: 0,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: 0, suggestedMax: chart.max } },
      plugins: { legend: { display: chart.series.length > 1 } },
    },
  });
  canvas.dataset.drawn = "true";
})();
