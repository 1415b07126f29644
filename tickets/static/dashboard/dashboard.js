// Draws each chart from the JSON spec the server embedded beside its canvas.
// Progressive: without JavaScript the tables under each chart carry the same numbers.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  if (typeof window.Chart === "undefined") {
    return;
  }
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const source = document.getElementById(canvas.dataset.chart);
    if (source) {
      new window.Chart(canvas, JSON.parse(source.textContent));
    }
  }
  document.body.dataset.chartsDrawn = "yes";
});
