// Marks that the page's own scripts ran, so a test can tell JavaScript on from off.
document.documentElement.dataset.js = "on";
