// Elements marked data-local-time="<ISO instant>" show that instant in the reader's own time zone (the browser's), named,
// beside the organiser's: a delegate in Nairobi reads a Tallinn meeting in Nairobi time without converting.
document.querySelectorAll('[data-local-time]').forEach(element => {
    const instant = new Date(element.getAttribute('data-local-time'));
    if (Number.isNaN(instant.getTime())) return;
    // dateStyle cannot be combined with timeZoneName, so the parts are named one by one.
    const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    element.textContent = (element.getAttribute('data-local-label') || '') + ' ' + format.format(instant);
    element.hidden = false;
});
