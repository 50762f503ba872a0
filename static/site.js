// Progressive enhancement only: every page works without this file.
// After a failed submission, focus moves to the error summary (read out by screen
// readers); a link in the summary focuses its field. After an action, the banner.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary') || document.querySelector('.banner-success');
  if (summary) summary.focus();
  document.querySelectorAll('.error-summary a[href^="#"]').forEach((a) => {
    a.addEventListener('click', (e) => {
      const field = document.getElementById(a.getAttribute('href').slice(1));
      if (!field) return;
      e.preventDefault();
      field.focus();
      const box = field.closest('.field') || field;
      box.scrollIntoView({ block: 'start' });
    });
  });
});
// Printed forms: "In" prints the page; without this script the same link opens the PDF to print.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('a[data-print]').forEach((a) => {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      window.print();
    });
  });
});
