/* Optional enhancements; everything works without this file. */

/* The header's search box needs JavaScript (the search page does), so without it readers get a link to browse; so do
   browsers too old for the search page. */
(function () {
  var form = document.querySelector(".site-search");
  var fallback = document.querySelector(".site-search-fallback");
  if (!form) return;
  var T = window.Int32Array;   // the same list as supported() in search.js
  if (!(window.Promise && window.URLSearchParams && String.prototype.codePointAt && String.fromCodePoint && Math.imul
    && T && T.from && T.prototype.subarray && T.prototype.filter && T.prototype.sort
    && window.Uint8Array && window.Uint16Array && window.Float64Array
    && window.performance && performance.now && document.head)) return;
  form.hidden = false;
  if (fallback) fallback.hidden = true;
})();

/* Remember the large-text choice. */
(function () {
  var box = document.getElementById("large-text");
  if (!box || !window.localStorage) return;
  try {
    box.checked = localStorage.getItem("baoku-large-text") === "1";
    box.addEventListener("change", function () {
      localStorage.setItem("baoku-large-text", box.checked ? "1" : "0");
    });
  } catch (e) { /* storage disabled: the toggle still works for this page */ }
})();
