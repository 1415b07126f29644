// The review form: no action is preselected, the button says what it will do, and
// keys A, O, S, R choose an action (Enter, or Ctrl+Enter from the reply, submits).
(function () {
  "use strict";
  const form = document.getElementById("review-form");
  if (!form) {
    return;
  }
  const button = document.getElementById("review-submit");
  const answer = document.getElementById("id_answer");
  const radios = Array.from(form.querySelectorAll('input[name="action"]'));

  function chosen() {
    return radios.find((radio) => radio.checked);
  }

  function update() {
    const radio = chosen();
    button.disabled = !radio;
    button.value = radio ? radio.dataset.button : button.dataset.none;
  }

  function typing(target) {
    return target.matches("textarea, select, input[type=text], input[type=search]");
  }

  radios.forEach((radio) => radio.addEventListener("change", update));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      if (chosen()) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    const radio = radios.find((r) => r.dataset.key === event.key.toLowerCase());
    if (radio) {
      event.preventDefault();
      radio.checked = true;
      update();
      // Override needs the agent's own reply; the other actions are ready to submit.
      (radio.value === "override" ? answer : button).focus();
    }
  });
  form.addEventListener("submit", (event) => {
    if (!chosen()) {
      event.preventDefault();
    }
  });
  update();
})();
