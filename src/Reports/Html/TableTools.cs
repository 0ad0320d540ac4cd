using System.Text;

namespace Sweep.Reports.Html;

/// <summary>The filter box and pager above a long table. They do nothing without the page script
/// (<see cref="Assets.TableScript"/>), which finds them by the table's id, so a replaced section keeps working.</summary>
public static class TableTools
{
    public static void Write(StringBuilder html, string tableId, int rows, string noun) =>
        html.Append($"<div class=\"table-tools\" data-table=\"{tableId}\">")
            .Append($"<input type=\"search\" class=\"table-filter\" placeholder=\"Filter {Text.Count(rows)} {noun}…\" aria-label=\"filter the {noun}\">")
            .Append("<span class=\"pager\" aria-live=\"polite\"></span></div>");
}
