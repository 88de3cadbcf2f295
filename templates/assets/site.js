/* Optional enhancement: remember the large-text choice. Everything works without this file. */
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
