// rawi: the one script of the workbench (served from this server; the CSP allows no inline script).
// Upload with a progress bar: the form also works without this script (a plain POST).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var bar = document.getElementById("upload-progress");
    var button = document.getElementById("upload-submit");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("action"));
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = e.loaded / e.total;
    });
    xhr.addEventListener("load", function () {
      // The server's page (autoescaped HTML) replaces this one's main part; DOMParser runs no script.
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var main = doc.getElementById("main");
      if (main) document.getElementById("main").replaceWith(document.importNode(main, true));
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      bar.hidden = true;
    });
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    xhr.send(new FormData(form));
  });
});
