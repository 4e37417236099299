// The desk's one script, served from /desk/static/counter.js (CSP script-src 'self'; no inline script):
// live character counters for fields with a limit. Progressive only: without it the counter shows the limit.

/** The script text: each `[data-counter]` field updates the element it names with "n / max". */
export const counterJs = `
document.querySelectorAll('[data-counter]').forEach(function (field) {
  var out = document.getElementById(field.getAttribute('data-counter'));
  var max = field.getAttribute('maxlength');
  if (!out || !max) return;
  var template = out.textContent.replace(/\\d+/, '{n}');
  var update = function () { out.textContent = template.replace('{n}', String(Array.from(field.value).length)); };
  field.addEventListener('input', update);
});
`;
