// The public pages' behaviour, kept out of the markup: the Content-Security-Policy runs no inline script.

// A field marked wrong loses the mark and its message as soon as the resident corrects it.
document.addEventListener("input", (event) => {
  const field = event.target.closest(".field-error");
  if (!field) return;
  field.classList.remove("field-error");
  field.querySelector(".errorlist")?.remove();
});

// «Распечатать» on the page that gives the appeal's number and code.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
