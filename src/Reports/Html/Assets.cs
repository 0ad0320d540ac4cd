namespace Sweep.Reports.Html;

/// <summary>The page's only style sheet and script, inlined so the file is self-contained.</summary>
public static class Assets
{
    public const string Css = """
        :root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --bg:#f9fafb; --accent:#2563eb; }
        * { box-sizing:border-box; }
        body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif; color:var(--ink); background:var(--bg); }
        nav { position:sticky; top:0; z-index:2; background:#fff; border-bottom:1px solid var(--line); padding:.5rem 2rem; display:flex; gap:1.2rem; flex-wrap:wrap; font-size:.9rem; }
        nav a { color:var(--muted); text-decoration:none; } nav a:hover { color:var(--accent); }
        main { max-width:1180px; margin:0 auto; padding:1rem 2rem 4rem; }
        /* An off-screen section is laid out only when scrolled near, so a long page draws its first screen fast. */
        section { content-visibility:auto; contain-intrinsic-size:auto 900px; }
        header, section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:1.2rem 1.6rem; margin:1.2rem 0; }
        h1 { margin:.2rem 0; font-size:1.7rem; } h2 { margin:.2rem 0 .6rem; font-size:1.3rem; } h3 { font-size:1.05rem; margin:1.4rem 0 .4rem; }
        .subtitle, .muted, .lead { color:var(--muted); } .lead { margin-top:0; }
        code, pre { font-family:"DejaVu Sans Mono",ui-monospace,monospace; font-size:.88em; }
        pre { background:#111827; color:#f9fafb; padding:.7rem 1rem; border-radius:6px; overflow-x:auto; }
        .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(210px,1fr)); gap:.8rem; margin:1rem 0; }
        .card { border:1px solid var(--line); border-radius:8px; padding:.6rem .9rem; }
        .card h3 { margin:0; font-size:.8rem; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); }
        .card p { margin:.3rem 0 0; }
        .findings li { margin:.2rem 0; }
        .table-wrap { overflow-x:auto; }
        table { border-collapse:collapse; width:100%; font-size:.86rem; margin:.6rem 0; }
        th, td { padding:.3rem .5rem; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
        th { background:#f3f4f6; font-weight:600; }
        table.sortable th { cursor:pointer; user-select:none; }
        table.sortable th::after { content:" ↕"; color:#d1d5db; }
        table.sortable th[aria-sort=ascending]::after { content:" ▲"; color:var(--accent); }
        table.sortable th[aria-sort=descending]::after { content:" ▼"; color:var(--accent); }
        td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
        td.config { max-width:360px; }
        tr.best td { background:#ecfdf5; }
        tr.flagged td { background:#fff7ed; }
        table.compact { width:auto; }
        .badge, .state, .verdict { display:inline-block; padding:0 .45rem; border-radius:999px; font-size:.78rem; color:#fff; white-space:nowrap; }
        .d-diverged { background:#7f1d1d; } .d-unstable { background:#a16207; } .d-overfitting { background:#dc2626; }
        .d-high-variance { background:#f97316; } .d-high-bias { background:#2563eb; } .d-healthy { background:#16a34a; }
        .d-not-enough-epochs { background:#9ca3af; }
        .state { background:#e5e7eb; color:var(--ink); } .s-completed { background:#d1fae5; } .s-running { background:#dbeafe; }
        .s-failed, .s-diverged { background:#fee2e2; } .s-pruned { background:#fef3c7; }
        .verdict { color:var(--ink); background:#f3f4f6; } .v-Better { background:#d1fae5; } .v-Worse { background:#fee2e2; }
        .off { color:#b91c1c; font-weight:600; }
        .warn { background:#fffbeb; border-left:4px solid #f59e0b; padding:.4rem .8rem; }
        .empty { color:var(--muted); font-style:italic; background:#f9fafb; border:1px dashed var(--line); padding:.6rem .9rem; border-radius:6px; }
        ul.tested { margin:.3rem 0 0; padding-left:1.1rem; color:#374151; }
        figure { margin:.6rem 0; } figcaption { font-size:.88rem; margin-bottom:.2rem; }
        svg.plot { max-width:100%; height:auto; display:block; }
        .row { display:flex; flex-wrap:wrap; gap:1rem; align-items:flex-start; } .row > * { flex:1 1 420px; min-width:0; }
        .grid2 { display:grid; grid-template-columns:repeat(auto-fill,minmax(460px,1fr)); gap:1rem; }
        .multiples { display:grid; grid-template-columns:repeat(auto-fill,minmax(200px,1fr)); gap:.6rem; }
        figure.small { border:1px solid var(--line); border-radius:6px; padding:.3rem; margin:0; }
        figure.small figcaption { font-size:.78rem; }
        .images { display:flex; flex-wrap:wrap; gap:.6rem; }
        .images figure { margin:0; text-align:center; font-size:.75rem; width:96px; }
        .images img { image-rendering:pixelated; border:1px solid var(--line); }
        .images .pred { color:#b91c1c; }
        footer { color:var(--muted); font-size:.8rem; text-align:center; }
        .table-tools { display:flex; flex-wrap:wrap; gap:.8rem; align-items:center; margin:.6rem 0 0; font-size:.86rem; }
        .table-filter { font:inherit; padding:.25rem .5rem; border:1px solid var(--line); border-radius:6px; min-width:260px; }
        .pager button { font:inherit; padding:.15rem .6rem; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; }
        .pager button:disabled { color:#d1d5db; cursor:default; }
        td.short { color:#b45309; }
        details { margin:.4rem 0; } details > summary { cursor:pointer; color:var(--accent); }
        .diagnosis { border-top:1px solid var(--line); padding-top:.4rem; margin-top:.8rem; }
        .diagnosis h3 { margin-top:.4rem; }
        .rule { color:#374151; margin:.2rem 0; }
        """;

    /// <summary>Without the page script nothing pages a long table, so every row it was sent hidden shows.</summary>
    public const string NoScriptCss = "table.paged tbody tr[hidden] { display:table-row; }";

    /// <summary>Click (or Enter on) a header to sort its table; numbers compare as numbers, blanks stay last. Listens on
    /// the document, so a section replaced after load (the live view dispatches <c>sweep:section-updated</c>) still
    /// sorts.</summary>
    public const string SortScript = """
        (function () {
          function key(row, column) {
            var cell = row.cells[column];
            if (!cell) return '';
            return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
          }
          function compare(a, b, ascending) {
            if ((a === '') !== (b === '')) return a === '' ? 1 : -1;
            var numeric = a !== '' && b !== '' && isFinite(a) && isFinite(b);
            var order = numeric ? parseFloat(a) - parseFloat(b) : a.localeCompare(b, undefined, { numeric: true });
            return ascending ? order : -order;
          }
          function sort(header) {
            var table = header.closest('table');
            var headers = table.tHead.rows[0].cells;
            var column = Array.prototype.indexOf.call(headers, header);
            var ascending = header.getAttribute('aria-sort') !== 'ascending';
            Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
            header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (x, y) { return compare(key(x, column), key(y, column), ascending); });
            rows.forEach(function (row) { body.appendChild(row); });
            table.dispatchEvent(new CustomEvent('sweep:table-sorted', { bubbles: true }));
          }
          function header(target) { return target.closest && target.closest('table.sortable > thead > tr > th'); }
          function focusable(root) {
            root.querySelectorAll('table.sortable > thead > tr > th').forEach(function (h) { h.tabIndex = 0; });
          }
          document.addEventListener('click', function (e) { var h = header(e.target); if (h) sort(h); });
          document.addEventListener('keydown', function (e) {
            var h = header(e.target);
            if (h && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); sort(h); }
          });
          document.addEventListener('sweep:section-updated', function (e) { focusable(e.target); });
          focusable(document);
        })();
        """;

    /// <summary>Pages (<c>table.paged</c>, <c>data-page-rows</c> per page) and filters a long table through the
    /// <see cref="TableTools"/> above it. Listens on the document and starts again on <c>sweep:section-updated</c>,
    /// so a replaced section pages too (its filter text starts empty); after a sort it shows the first page.</summary>
    public const string TableScript = """
        (function () {
          function state(table) { return table.sweepPage || (table.sweepPage = { page: 0, filter: '' }); }
          function tools(table) { return document.querySelector('.table-tools[data-table="' + table.id + '"]'); }
          function button(pager, label, page, disabled) {
            var b = document.createElement('button');
            b.type = 'button'; b.textContent = label; b.disabled = disabled; b.setAttribute('data-page', page);
            pager.appendChild(b);
          }
          function render(table) {
            var s = state(table), size = parseInt(table.getAttribute('data-page-rows'), 10) || 25;
            var needle = s.filter.trim().toLowerCase();
            var matching = Array.prototype.filter.call(table.tBodies[0].rows, function (row) {
              var match = needle === '' || row.textContent.toLowerCase().indexOf(needle) >= 0;
              if (!match && !row.hidden) row.hidden = true;
              return match;
            });
            var pages = Math.max(1, Math.ceil(matching.length / size));
            s.page = Math.max(0, Math.min(s.page, pages - 1));
            matching.forEach(function (row, i) { var off = Math.floor(i / size) !== s.page; if (row.hidden !== off) row.hidden = off; });
            var box = tools(table);
            if (!box) return;
            var pager = box.querySelector('.pager');
            pager.textContent = '';
            button(pager, '‹ previous', s.page - 1, s.page === 0);
            pager.appendChild(document.createTextNode(' page ' + (s.page + 1) + ' of ' + pages + ' · ' + matching.length + ' rows '));
            button(pager, 'next ›', s.page + 1, s.page >= pages - 1);
          }
          function tableOf(element) {
            var box = element.closest && element.closest('.table-tools');
            return box ? document.getElementById(box.getAttribute('data-table')) : null;
          }
          function start(root) { root.querySelectorAll('table.paged').forEach(render); }
          document.addEventListener('input', function (e) {
            var table = e.target.classList && e.target.classList.contains('table-filter') ? tableOf(e.target) : null;
            if (!table) return;
            state(table).filter = e.target.value; state(table).page = 0; render(table);
          });
          document.addEventListener('click', function (e) {
            var b = e.target.closest && e.target.closest('.pager button');
            var table = b ? tableOf(b) : null;
            if (!table) return;
            state(table).page = parseInt(b.getAttribute('data-page'), 10); render(table);
          });
          document.addEventListener('sweep:table-sorted', function (e) {
            if (e.target.matches('table.paged')) { state(e.target).page = 0; render(e.target); }
          });
          document.addEventListener('sweep:section-updated', function (e) { start(e.target); });
          start(document);
        })();
        """;
}
