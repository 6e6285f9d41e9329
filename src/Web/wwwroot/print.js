// Buttons marked data-print open the browser's print dialog (the strict Content-Security-Policy forbids inline handlers).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
