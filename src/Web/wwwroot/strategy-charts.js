// Draws each figure[data-chart] as a bar chart of targets against actuals, from the data table beside it
// (the table stays the accessible source of the figures; the chart only repeats them).
(() => {
    if (typeof Chart === 'undefined') return;
    const style = getComputedStyle(document.documentElement);
    const accent = style.getPropertyValue('--accent').trim() || '#0b5cad';
    for (const figure of document.querySelectorAll('figure[data-chart]')) {
        const canvas = figure.querySelector('canvas');
        const rows = [...figure.querySelectorAll('tbody tr')];
        if (!canvas || rows.length === 0) continue;
        const number = value => value === '' || value === undefined ? null : Number(value);
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: rows.map(r => r.dataset.name),
                datasets: [
                    { label: canvas.dataset.targetLabel, data: rows.map(r => number(r.dataset.target)), backgroundColor: '#c9d3df' },
                    { label: canvas.dataset.actualLabel, data: rows.map(r => number(r.dataset.actual)), backgroundColor: accent },
                ],
            },
            options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } },
        });
    }
})();
