// The running call's timer in the back office's call bar. The server's moments are the truth: the
// difference between the server's clock and this computer's is measured once on load and kept.
(function () {
  "use strict";

  function pad(n) { return String(n).padStart(2, "0"); }

  function shown(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
  }

  function start(timer) {
    const since = Date.parse(timer.dataset.callSince);
    const skew = Date.parse(timer.dataset.serverNow) - Date.now();
    if (Number.isNaN(since) || Number.isNaN(skew)) { return; }
    const label = timer.textContent;
    const out = document.createElement("span");
    out.className = "call-clock";
    out.setAttribute("role", "timer");
    out.title = label;
    timer.textContent = "";
    timer.appendChild(out);
    const tick = function () {
      out.textContent = shown(Math.max(0, Math.floor((Date.now() + skew - since) / 1000)));
    };
    tick();
    window.setInterval(tick, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".call-timer[data-call-since]").forEach(start);
  });
})();
