// The desk's only script: the drop zone and the progress of a run. Every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var zone = document.getElementById("zone");
  var input = document.getElementById("fichiers");
  var form = document.getElementById("depot");
  if (zone && input && form) {
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("survol"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("survol"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length > 0) {
        input.files = e.dataTransfer.files;
        form.submit();
      }
    });
  }
  var suivi = document.getElementById("suivi");
  if (suivi && suivi.dataset.enCours === "oui" && window.EventSource) {
    var etape = document.getElementById("etape");
    var barre = document.getElementById("avancement");
    var fichiers = document.getElementById("fichiers");
    var journal = document.getElementById("journal");
    journal.textContent = "";
    var source = new EventSource("/traitement/flux");
    source.onmessage = function (m) {
      var e = JSON.parse(m.data);
      if (e.etape) { etape.textContent = e.etape; }
      if (e.total > 0) {
        barre.max = e.total; barre.value = e.fait;
        fichiers.textContent = e.fait + " / " + e.total + " fichiers";
      }
      if (e.ligne) { journal.textContent += e.ligne + "\n"; }
    };
    source.addEventListener("fin", function () { source.close(); window.location.reload(); });
  }
});
