// dyadline dashboard: draws the timeline with Plotly (served locally) and small conveniences.
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // The timeline: the figure is built on the server; a click lists that period's events.
  var chart = document.getElementById("timeline");
  var figure = readJson("timeline-figure");
  if (chart && figure && window.Plotly) {
    var periods = readJson("timeline-periods") || [];
    window.Plotly.newPlot(chart, figure.data, figure.layout, {
      responsive: true, displaylogo: false, showLink: false, showSendToCloud: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      toImageButtonOptions: { format: "png", filename: "dyadline-timeline", scale: 2 }
    });
    chart.on("plotly_click", function (ev) {
      if (!ev.points || !ev.points.length) { return; }
      var span = periods[ev.points[0].pointIndex];
      if (!span) { return; }
      var base = chart.getAttribute("data-events") || "?";
      var sep = base.indexOf("?") >= 0 ? "&" : "?";
      window.location.href = base + sep + "since=" + span[0] + "&until=" + span[1];
    });
  }

  // Swap the two actors of the dyad picker.
  var swap = document.getElementById("swap");
  if (swap) {
    swap.addEventListener("click", function () {
      var a = document.querySelector("input[name=a]");
      var b = document.querySelector("input[name=b]");
      var t = a.value; a.value = b.value; b.value = t;
    });
  }

  // Forms: leave empty fields out of the URL so links stay short and readable.
  document.querySelectorAll("form[method=get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) {
        if (el.name && el.value === "" && el.type !== "checkbox") { el.disabled = true; }
      });
      setTimeout(function () {
        form.querySelectorAll("[disabled]").forEach(function (el) { el.disabled = false; });
      }, 0);
    });
  });

  // Article page: flash the evidence sentence a link points to.
  function flash() {
    if (!location.hash) { return; }
    var el = document.getElementById(location.hash.slice(1));
    if (el && el.tagName === "A" && el.parentElement) { el = el.parentElement; }  // inner anchor
    if (el) {
      el.scrollIntoView({ block: "center" });
      el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
    }
  }
  window.addEventListener("hashchange", flash);
  if (document.getElementById("article-body")) {
    flash();
    var card = document.querySelector(".event-card.focused");
    var aside = card && card.closest("aside");
    if (aside) { aside.scrollTop = card.offsetTop - aside.offsetTop - 12; }
  }
})();
