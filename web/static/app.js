// Progressive enhancement only: every page works without this script.
"use strict";
document.documentElement.classList.add("js");

function setUpDropzones() {
  document.querySelectorAll("[data-dropzone]").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    var hint = zone.querySelector(".hint");
    if (!input) return;
    function show() {
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      if (hint && names.length) hint.textContent = names.length === 1 ? names[0] : names.length + " files: " + names.slice(0, 5).join(", ") + (names.length > 5 ? ", …" : "");
    }
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
    input.addEventListener("change", show);
  });
}

function setUpPrint() {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      document.querySelectorAll("details.rewrite").forEach(function (d) { d.open = true; });
      window.print();
    });
  });
}

function setUpProgress() {
  var box = document.querySelector("[data-batch]");
  if (!box || box.getAttribute("data-status") !== "running") return;
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  function poll() {
    fetch(box.getAttribute("data-batch"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        bar.max = status.total; bar.value = status.done;
        text.textContent = status.done + " of " + status.total + " scored, " + status.failed + " failed: " + status.status;
        if (status.status !== "running") window.location.reload();
        else window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
}

function setUpSorting() {
  document.querySelectorAll("[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead a[data-sort-key]").forEach(function (link, column) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var descending = link.getAttribute("data-order") !== "desc";
        table.querySelectorAll("thead a").forEach(function (other) { other.removeAttribute("data-order"); other.removeAttribute("aria-sort"); });
        link.setAttribute("data-order", descending ? "desc" : "asc");
        link.closest("th").setAttribute("aria-sort", descending ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var vx = x && x.hasAttribute("data-value") ? parseFloat(x.getAttribute("data-value")) : (x ? x.textContent : "");
          var vy = y && y.hasAttribute("data-value") ? parseFloat(y.getAttribute("data-value")) : (y ? y.textContent : "");
          if (typeof vx === "string" || typeof vy === "string") { vx = String(vx); vy = String(vy); return descending ? vy.localeCompare(vx) : vx.localeCompare(vy); }
          return descending ? vy - vx : vx - vy;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  setUpDropzones();
  setUpPrint();
  setUpProgress();
  setUpSorting();
});
