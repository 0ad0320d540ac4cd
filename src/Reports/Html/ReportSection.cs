using System.Text;

namespace Sweep.Reports.Html;

/// <summary>One section of the report: its anchor, its title in the navigation, and the code that draws it. The
/// static page and the live view both draw a section through <see cref="Write"/>, so each is drawn in one place.</summary>
public sealed record ReportSection(string Id, string Title, Action<StringBuilder, PageContext> Write);
