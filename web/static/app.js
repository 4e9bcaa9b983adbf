// rolefit's small progressive enhancements. Every page works without this
// file; it only adds conveniences.
(function () {
  "use strict";

  // Print buttons: <button data-print>, for a page meant to be printed
  // (a respondent's summary).
  document.addEventListener("click", function (ev) {
    if (ev.target.closest("[data-print]")) window.print();
  });

  // Copy buttons: <button data-copy="element-id">.
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest("[data-copy]");
    if (!btn) return;
    var el = document.getElementById(btn.getAttribute("data-copy"));
    if (!el) return;
    var text = (el.tagName === "INPUT" ? el.value : el.textContent).trim();
    var done = function () {
      var old = btn.textContent;
      btn.textContent = "Copied";
      setTimeout(function () { btn.textContent = old; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done);
    } else if (el.tagName === "INPUT") {
      el.select();
      if (document.execCommand("copy")) done();
    }
  });

  // Forms that do something hard to undo ask first: <form data-confirm="…">.
  document.addEventListener("submit", function (ev) {
    var msg = ev.target.getAttribute && ev.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) ev.preventDefault();
  });

  // Questionnaire pages: save each answer the moment it is clicked, so
  // closing the tab loses nothing. The page's own submit saves too.
  function setupQuestions(form) {
    var url = form.getAttribute("data-answer-url");
    // The page's messages come in its language, on the form's data-msg-*
    // attributes; a count chooses its plural form by the page's language.
    var msg = function (name) { return form.dataset["msg" + name.charAt(0).toUpperCase() + name.slice(1)] || ""; };
    var missingText = function (n) {
      var form1 = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(n) : (n === 1 ? "one" : "other");
      return (form1 === "one" && n === 1 ? msg("missingOne") : msg("missingOther")).replace("{n}", n);
    };
    var status = form.querySelector(".save-status");
    var pending = 0;
    // After a save, the status says "saved", unless statements are still
    // marked unanswered: then it keeps counting them, so a save that
    // lands after "next" was pressed does not hide what is missing.
    var saved = function (ok) {
      if (!status) return;
      var marked = form.querySelectorAll("fieldset.statement.has-error").length;
      if (!ok) status.textContent = msg("notSaved");
      else if (marked) status.textContent = missingText(marked);
      else status.textContent = pending ? "" : msg("saved");
    };
    form.addEventListener("change", function (ev) {
      var input = ev.target;
      if (input.type !== "radio") return;
      var fs = input.closest("fieldset.statement");
      if (fs && fs.classList.contains("has-error")) {
        fs.classList.remove("has-error");
        var err = fs.querySelector(".error");
        if (err) err.remove();
      }
      pending++;
      var body = new URLSearchParams({ item: input.name, value: input.value });
      fetch(url, {
        method: "POST",
        headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: body,
        credentials: "same-origin"
      }).then(function (resp) {
        pending--;
        saved(resp.ok);
      }).catch(function () {
        pending--;
        saved(false);
      });
    });
    // Point out unanswered statements before leaving the page with "next".
    form.addEventListener("submit", function (ev) {
      var action = ev.submitter && ev.submitter.value;
      if (action !== "next") return;
      var missing = [];
      form.querySelectorAll("fieldset.statement").forEach(function (fs) {
        if (!fs.querySelector("input:checked")) missing.push(fs);
      });
      if (!missing.length) return;
      ev.preventDefault();
      missing.forEach(function (fs) {
        fs.classList.add("has-error");
        if (!fs.querySelector(".error")) {
          var p = document.createElement("p");
          p.className = "error";
          p.id = "e-" + fs.id.replace(/^q-/, "");
          p.textContent = msg("choose");
          fs.querySelector("legend").after(p);
          fs.setAttribute("aria-describedby", p.id);
        }
      });
      if (status) status.textContent = missingText(missing.length);
      var first = missing[0].querySelector("input");
      missing[0].scrollIntoView({ block: "center" });
      if (first) first.focus({ preventScroll: true });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var alert = document.querySelector("[data-autofocus]");
    if (alert) alert.focus();
    document.querySelectorAll("form[data-answer-url]").forEach(setupQuestions);
  });
})();
